// The review API's shapes (docs/protocol.md, "Review") and the calls that decide.
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
//! GET /v1/submissions/{id}: the head, every revision, and while a conflict waits the
//! revisions that may stand (the server's rule, kc/protocol/Review).
export interface Detail extends Head { revisions: Revision[]; may_stand: number[] }
export interface Change { path: string; before: unknown; after: unknown }
export type Action = 'approve' | 'return' | 'reject';
export type Order = 'newest' | 'oldest' | 'changed';
export const orders: readonly Order[] = ['newest', 'oldest', 'changed'];

export interface HistoryEntry {
  at: string; actor: { id: string; username: string; display_name: string };
  action: Action | 'resolve'; from_revision: number | null; revision: number; state: string;
  comment: string | null; fields: string[] | null;
}

export function review(id: string, action: Action, revision: number, comment = '', fields: string[] = []): Promise<Head> {
  return postJson<Head>(`/v1/submissions/${id}/review`, {
    action, revision, ...(comment ? { comment } : {}), ...(fields.length ? { fields } : {}),
  });
}

//! Settles a conflict: `revision` stands; `seen` is the newest revision the reviewer compared.
export function resolve(id: string, revision: number, seen: number, comment = ''): Promise<Head> {
  return postJson<Head>(`/v1/submissions/${id}/resolve`, { revision, seen, ...(comment ? { comment } : {}) });
}

//! The newest revision stored (conflicting ones included).
export function newestRevision(revisions: Revision[]): number {
  return revisions.reduce((m, r) => Math.max(m, r.revision), 0);
}

//! The two revisions a conflict sets side by side: the standing one and a conflicting one
//! that may take its place (`wanted` if it may, else the newest), or null without a conflict.
export function conflictPair(detail: Pick<Detail, 'revision' | 'may_stand'>, wanted = 0): [number, number] | null {
  const rivals = detail.may_stand.filter((n) => n !== detail.revision);
  if (!rivals.length) return null;
  return [detail.revision, rivals.includes(wanted) ? wanted : Math.max(...rivals)];
}

export type TimelineItem =
  | { kind: 'received'; at: string; revision: number; conflict: boolean; base: number | null }
  | { kind: 'decision'; at: string; entry: HistoryEntry };

//! What happened to a submission, oldest first: each revision received and each decision.
export function timeline(revisions: Revision[], entries: HistoryEntry[]): TimelineItem[] {
  const items: TimelineItem[] = [
    ...revisions.map((r) => ({ kind: 'received' as const, at: r.received_at, revision: r.revision, conflict: r.conflict, base: r.base_revision })),
    ...entries.map((entry) => ({ kind: 'decision' as const, at: entry.at, entry })),
  ];
  // A revision received in the same instant as a decision is listed first.
  const time = (item: TimelineItem) => Date.parse(item.at);
  return items.sort((a, b) => time(a) - time(b) || (a.kind === b.kind ? 0 : a.kind === 'received' ? -1 : 1));
}
