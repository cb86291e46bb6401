// The people API's shapes (docs/protocol.md, "People").
import { getJson, postJson } from './api';
import type { Role } from './session';

export interface Person { id: string; username: string; display_name: string; role: Role; provinces: string[]; disabled: boolean }
export interface EnrollmentCode { code: string; username: string; expires_at: string; uri: string; qr_svg: string }
export const roles: Role[] = ['officer', 'collaborator', 'reviewer', 'admin'];

export const listPeople = () => getJson<{ users: Person[] }>('/v1/admin/users').then((a) => a.users);
export const createPerson = (p: { username: string; display_name: string; role: Role; provinces: string[] }) =>
  postJson<{ user: Person; password: string }>('/v1/admin/users', p);
export const changePerson = (username: string, action: 'password' | 'disable' | 'enable' | 'sign-out') =>
  postJson<{ user: Person; password?: string; revoked: number }>(`/v1/admin/users/${encodeURIComponent(username)}/${action}`, {});
export const enrollmentCode = (username: string, device: string) =>
  postJson<EnrollmentCode>('/v1/admin/enrollment-codes', { username, device, server: window.location.origin });

//! An SVG the server made, as an image source (never put into the page as markup).
export const svgImage = (svg: string) => 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg);
export interface SignIn { device: string; created_at: string; expires_at: string }
export const signIns = (username: string) =>
  getJson<{ sign_ins: SignIn[] }>(`/v1/admin/users/${encodeURIComponent(username)}/sign-ins`).then((a) => a.sign_ins);
