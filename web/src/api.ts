// The server's API (docs/protocol.md), with the bearer token kept in memory only: it is never
// written to storage or a cookie, so a page reload signs out and no other site can use it.
export interface FieldError { path: string; message: string }

export class ApiError extends Error {
  constructor(public status: number, public code: string, message: string, public fields: FieldError[] = []) {
    super(message);
  }
}

//! What went wrong, in words, for the page: the server's message, or the failure's own.
export function errorText(error: unknown): string {
  return error instanceof ApiError ? error.message : error instanceof Error ? error.message : String(error);
}

let token: string | null = null;
let onSignedOut: (() => void) | null = null;

export function setToken(next: string | null): void { token = next; }
export function hasToken(): boolean { return token !== null; }
//! Called when the server no longer takes the token (expired, revoked, account disabled).
export function whenSignedOut(callback: () => void): void { onSignedOut = callback; }

function headers(json: boolean): Headers {
  const h = new Headers();
  if (token) h.set('Authorization', `Bearer ${token}`);
  if (json) h.set('Content-Type', 'application/json; charset=utf-8');
  return h;
}

async function failure(response: Response): Promise<ApiError> {
  let code = 'http_' + response.status;
  let message = `${response.status} ${response.statusText}`;
  let fields: FieldError[] = [];
  try {
    const body = await response.json() as { error?: { code?: string; message?: string; fields?: FieldError[] } };
    if (body.error) {
      code = body.error.code ?? code;
      message = body.error.message ?? message;
      fields = body.error.fields ?? [];
    }
  } catch { /* not JSON: keep the status line */ }
  if (response.status === 401 && token) {
    token = null;
    onSignedOut?.();
  }
  return new ApiError(response.status, code, message, fields);
}

async function send(method: string, path: string, body?: unknown, raw?: { bytes: ArrayBuffer; type: string }): Promise<Response> {
  let response: Response;
  try {
    const h = headers(body !== undefined);
    if (raw) h.set('Content-Type', raw.type);
    response = await fetch(path, {
      method, headers: h, cache: 'no-store',
      ...(raw ? { body: raw.bytes } : body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch (error) {
    throw new ApiError(0, 'network', error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) throw await failure(response);
  return response;
}

export async function getJson<T>(path: string): Promise<T> {
  return await (await send('GET', path)).json() as T;
}

export async function postJson<T>(path: string, body: unknown): Promise<T> {
  const response = await send('POST', path, body);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

export async function putJson<T>(path: string, body: unknown): Promise<T> {
  return await (await send('PUT', path, body)).json() as T;
}

export async function deleteJson(path: string): Promise<void> {
  await send('DELETE', path);
}

//! A file as it is (a form, a workbook), with its type; the answer as JSON.
export async function postFile<T>(path: string, bytes: ArrayBuffer, type: string): Promise<T> {
  return await (await send('POST', path, undefined, { bytes, type })).json() as T;
}

//! A file the server makes (an export, a report), saved by the browser under `filename`.
export async function download(path: string, filename: string): Promise<void> {
  const blob = await (await send('GET', path)).blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

//! An attachment as an object URL an <img> can show (it needs the token, which src cannot send).
export async function attachmentUrl(sha256: string): Promise<string> {
  const blob = await (await send('GET', `/v1/attachments/${sha256}/content`)).blob();
  return URL.createObjectURL(blob);
}

//! A query string from the filled values only: {state: 'submitted', form: ''} → "?state=submitted".
export function query(values: Record<string, string | number | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values))
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? '?' + text : '';
}
