// The real kcfield-server on 127.0.0.1, with the demo province in a fresh data folder, and a
// small client for what a phone does (sign in, push, pull).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function startServer(binary) {
  const data = mkdtempSync(join(tmpdir(), 'kc-web-e2e-'));
  const child = spawn(binary, ['serve', '--listen', '127.0.0.1:0', '--data', data], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server did not start in 60 s:\n' + output)), 60_000);
    const read = (chunk) => {
      output += chunk;
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (m) { clearTimeout(timer); resolve(Number(m[1])); }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => reject(new Error(`the server exited with ${code}:\n${output}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(data, { recursive: true, force: true });
    },
  };
}

export class Device {
  constructor(url) { this.url = url; this.token = null; }
  async call(method, path, body) {
    const response = await fetch(this.url + path, {
      method,
      headers: { ...(this.token ? { Authorization: `Bearer ${this.token}` } : {}), 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    let json = null;
    try { json = JSON.parse(text); } catch { /* not JSON */ }
    return { status: response.status, json, text, headers: response.headers };
  }
  async signIn(username, password = 'khuyencong') {
    const r = await this.call('POST', '/v1/auth/sign-in', { username, password, device: 'e2e' });
    if (r.status !== 200) throw new Error(`sign-in of ${username}: ${r.status} ${r.text}`);
    this.token = r.json.token;
    return r.json.user;
  }
  async push(item) {
    const r = await this.call('POST', '/v1/push', { submissions: [item] });
    if (r.status !== 200) throw new Error(`push: ${r.status} ${r.text}`);
    return r.json.receipts[0];
  }
}

//! A UUIDv7 as a device makes one.
export function uuidv7() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const ms = BigInt(Date.now());
  for (let i = 0; i < 6; i++) bytes[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  bytes[6] = (bytes[6] & 0x0f) | 0x70;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
