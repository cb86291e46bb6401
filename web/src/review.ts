// The review API's shapes (docs/protocol.md, "Review") and the one call that decides.
import { postJson } from './api';

export interface Head {
  id: string; form_id: string; form_version: number;
  owner: { id: string; username: string; display_name: string };
  province: string; project_id: string | null; facility_id: string | null;
  state: string; revision: number; conflict: boolean; review_comment: string | null;
  review_fields: string[] | null; reviewed_by: string | null; reviewed_at: string | null;
  received_at: string; updated_at: string;
}
export interface Revision {
  revision: number; base_revision: number | null; form_version: number; conflict: boolean;
  captured_at: string | null; received_at: string; answers: Record<string, unknown>;
}
export interface Change { path: string; before: unknown; after: unknown }
export type Action = 'approve' | 'return' | 'reject';

export function review(id: string, action: Action, revision: number, comment = '', fields: string[] = []): Promise<Head> {
  return postJson<Head>(`/v1/submissions/${id}/review`, {
    action, revision, ...(comment ? { comment } : {}), ...(fields.length ? { fields } : {}),
  });
}
