// Who is signed in. Only central staff (reviewers and admins) use the console; the API checks
// every request on its own, whatever the page shows.
import { reactive } from 'vue';
import { postJson, setToken, whenSignedOut } from './api';

export type Role = 'admin' | 'reviewer' | 'officer' | 'collaborator';
export interface User {
  id: string; username: string; display_name: string; role: Role; provinces: string[]; projects: string[];
}
interface SignInAnswer { token: string; expires_at: string; user: User }

export const session = reactive<{ user: User | null; expired: boolean }>({ user: null, expired: false });

export function isStaff(user: User | null): boolean {
  return user?.role === 'reviewer' || user?.role === 'admin';
}

export async function signIn(username: string, password: string): Promise<User> {
  const answer = await postJson<SignInAnswer>('/v1/auth/sign-in', {
    username, password, device: 'Web console',
  });
  setToken(answer.token);
  session.user = answer.user;
  session.expired = false;
  return answer.user;
}

export async function signOut(): Promise<void> {
  try {
    await postJson('/v1/auth/sign-out', {});
  } finally {
    setToken(null);
    session.user = null;
  }
}

whenSignedOut(() => {
  session.user = null;
  session.expired = true;
});
