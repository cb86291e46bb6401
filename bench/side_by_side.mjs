// The store benchmarks' figures from one `./kc bench` run, SQLite beside PostgreSQL:
// reads the log of the run (each benchmark prints one JSON line, with "store") and prints
// one table. Usage: node bench/side_by_side.mjs LOG
import { readFileSync } from 'node:fs';

const lines = readFileSync(process.argv[2], 'utf8').split('\n');
const runs = lines.filter((l) => l.startsWith('{')).map((l) => { try { return JSON.parse(l); } catch { return null; } })
  .filter(Boolean);
const byStore = (name, store) => runs.find((r) => (r.benchmark ?? r.bench) === name && r.store === store);

const rows = [
  ['ingest, site surveys in batches of 100 (/s)', (s) => s === 'sqlite'
    ? runs.find((r) => r.benchmark === 'pg_ingest')?.sqlite_per_s
    : runs.find((r) => r.benchmark === 'pg_ingest')?.postgresql_per_s],
  ['  raw libpq inserts of the same rows (/s); ratio', (s) => {
    const r = runs.find((x) => x.benchmark === 'pg_ingest');
    return s === 'postgresql' && r ? `${r.raw_libpq_per_s}; ${r.ratio.toFixed(2)} (target 0.4)` : undefined;
  }],
  ['initial pull (s)', (s) => byStore('initial_pull', s)?.seconds],
  ['  changes', (s) => byStore('initial_pull', s)?.changes],
  ['200 devices, field pacing: p99 (ms)', (s) => byStore('sync_load', s)?.p99_ms],
  ['  servers; requests/s; errors', (s) => {
    const r = byStore('sync_load', s);
    return r && `${r.servers}; ${r.requests_per_s}; ${r.errors}`;
  }],
  ['programme report (s)', (s) => byStore('report_programme', s)?.report_median_s],
  ['  approved submissions', (s) => byStore('report_programme', s)?.submissions],
  ['CSV export (s)', (s) => byStore('report_programme', s)?.export_s],
  ['  server memory growth (MB)', (s) => {
    const r = byStore('report_programme', s);
    return r && (r.server_rss_peak_mb - r.server_rss_before_mb).toFixed(1);
  }],
];
const show = (v) => (v === undefined || v === null ? '—' : String(v));
const table = [['', 'SQLite', 'PostgreSQL'], ...rows.map(([label, get]) => [label, show(get('sqlite')), show(get('postgresql'))])];
const widths = [0, 1, 2].map((c) => Math.max(...table.map((r) => r[c].length)));
for (const [i, r] of table.entries()) {
  console.log(r.map((cell, c) => cell.padEnd(widths[c])).join(' | '));
  if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
}
