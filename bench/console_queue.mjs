// The web console's review queue over many submissions, in Debian's Chromium: how long its
// first page takes to render once the server's answer has arrived (median of runs, beside the
// answer's own time from request to last byte, measured in the same runs), and what the
// console's first load transfers, compressed, beside its 300 kB budget; then the server's
// answer for each sort order of the queue.
//   node bench/console_queue.mjs SERVER_BINARY [--count 100000] [--runs 15]
import { chromium } from '../web/node_modules/playwright-core/index.mjs';
import { Device, startServer, uuidv7 } from '../web/e2e/server.mjs';

const args = process.argv.slice(2);
const binary = args[0];
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const count = option('--count', 100_000);
const runs = option('--runs', 15);
if (!binary) { console.error('usage: node bench/console_queue.mjs SERVER_BINARY [--count N] [--runs N]'); process.exit(2); }
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

const server = await startServer(binary);
const phone = new Device(server.url);
await phone.signIn('canbo');
const project = (await phone.call('GET', '/v1/projects?limit=1')).json.projects[0];
const started = Date.now();
let pushed = 0;
async function pusher() {
  while (pushed < count) {
    const n = Math.min(100, count - pushed);
    pushed += n;
    const submissions = Array.from({ length: n }, () => ({ id: uuidv7(), form_id: 'monitoring_visit', form_version: 1,
      base_revision: null, captured_at: new Date().toISOString(),
      answers: { project: project.id, visit_date: '2026-11-30', inspectors: 'Hoàng Văn Minh', findings: 'Đúng tiến độ',
        compliance: 'compliant' } }));
    const r = await phone.call('POST', '/v1/push', { submissions });
    if (r.status !== 200 || r.json.receipts.some((x) => x.status !== 'accepted')) throw new Error(`push: ${r.status} ${r.text.slice(0, 300)}`);
  }
}
await Promise.all([pusher(), pusher(), pusher(), pusher()]);
console.log(`pushed ${count} submissions in ${((Date.now() - started) / 1000).toFixed(1)} s`);

const browser = await chromium.launch({ executablePath: process.env.KC_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'] });
const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
const page = await context.newPage();
// When the 50th row of the queue is in the document and painted (two frames later).
await page.addInitScript(() => {
  new MutationObserver((_, observer) => {
    if (document.querySelector('[data-row="49"]')) {
      observer.disconnect();
      requestAnimationFrame(() => requestAnimationFrame(() => { window.__rowsPainted = performance.now(); }));
    }
  }).observe(document, { childList: true, subtree: true });
});
const render = [];
const answer = [];
let firstLoad = null;
for (let run = 0; run < runs; run++) {
  await page.goto(server.url + '/');
  await page.fill('input[name=username]', 'duyet');
  await page.fill('input[name=password]', 'khuyencong');
  await page.click('form[data-test=sign-in] button[type=submit]');
  await page.waitForFunction(() => window.__rowsPainted !== undefined, null, { timeout: 60_000 });
  const timing = await page.evaluate(() => {
    const queue = performance.getEntriesByType('resource').filter((e) => e.name.includes('/v1/submissions?')).pop();
    const loaded = performance.getEntriesByType('resource').filter((e) => /\/assets\//.test(e.name));
    const nav = performance.getEntriesByType('navigation')[0];
    return { painted: window.__rowsPainted, responseEnd: queue.responseEnd, requestStart: queue.startTime,
      transfer: loaded.reduce((n, e) => n + e.transferSize, 0) + nav.transferSize,
      body: loaded.reduce((n, e) => n + e.encodedBodySize, 0) + nav.encodedBodySize,
      decoded: loaded.reduce((n, e) => n + e.decodedBodySize, 0) + nav.decodedBodySize };
  });
  render.push(timing.painted - timing.responseEnd);
  answer.push(timing.responseEnd - timing.requestStart);
  firstLoad ??= timing;
  await context.clearCookies();
}
await browser.close();
// The server's answer for each order of the queue (first page of the waiting ones), from
// request to last byte, beside the default order's in the same run.
const reviewer = new Device(server.url);
await reviewer.signIn('duyet');
const orderMs = {};
for (const sort of ['newest', 'oldest', 'changed']) {
  const times = [];
  for (let run = 0; run < runs; run++) {
    const t0 = performance.now();
    const r = await reviewer.call('GET', `/v1/submissions?state=submitted&limit=50&sort=${sort}`);
    times.push(performance.now() - t0);
    if (r.status !== 200 || r.json.submissions.length !== 50) throw new Error(`sort ${sort}: ${r.status}`);
  }
  orderMs[sort] = median(times);
}
await server.stop();

const renderMs = median(render), answerMs = median(answer);
const kB = firstLoad.transfer / 1000;
console.log(`queue's first page (50 rows of ${count}): rendered and painted ${renderMs.toFixed(1)} ms after the answer ` +
  `(median of ${runs}); the answer itself ${answerMs.toFixed(1)} ms (ratio ${(renderMs / answerMs).toFixed(2)}x); target <= 300 ms`);
console.log(`first load: ${kB.toFixed(1)} kB transferred (${(firstLoad.body / 1000).toFixed(1)} kB gzipped bodies, ` +
  `${(firstLoad.decoded / 1000).toFixed(1)} kB unpacked), ${(kB / 300).toFixed(2)} of the 300 kB budget`);
console.log(`the first page's answer by order (median of ${runs}): ` + Object.entries(orderMs)
  .map(([sort, ms]) => `${sort} ${ms.toFixed(1)} ms (${(ms / orderMs.newest).toFixed(2)}x newest)`).join(', '));
console.log(JSON.stringify({ bench: 'console_queue', submissions: count, render_median_ms: +renderMs.toFixed(1),
  answer_median_ms: +answerMs.toFixed(1), first_load_kb: +kB.toFixed(1), budget_ratio: +(kB / 300).toFixed(2),
  order_answer_ms: Object.fromEntries(Object.entries(orderMs).map(([k, v]) => [k, +v.toFixed(1)])) }));
