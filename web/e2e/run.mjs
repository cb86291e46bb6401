// The console in a real headless Chromium (Debian's), against the real server: what central
// staff do, checked against the server's own state. Run by CTest (web_e2e) or by hand:
//   KC_SERVER_BINARY=build-test/bin/kcfield-server node web/e2e/run.mjs
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { Device, startServer, uuidv7 } from './server.mjs';

const binary = process.env.KC_SERVER_BINARY;
if (!binary) { console.error('set KC_SERVER_BINARY to the kcfield-server to test'); process.exit(2); }
const shots = process.env.KC_SCREENSHOT_DIR ?? 'test-results/screenshots';
mkdirSync(shots, { recursive: true });
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const sizes = { desk: { width: 1366, height: 768 }, phone: { width: 390, height: 844 } };
const server = await startServer(binary);
const browser = await chromium.launch({
  executablePath: process.env.KC_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
let failures = 0;
const problems = [];

async function step(name, body) {
  const started = Date.now();
  try {
    await body();
    console.log(`ok   ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    failures++;
    console.log(`FAIL ${name}\n     ${String(error?.stack ?? error).split('\n').slice(0, 6).join('\n     ')}`);
  }
}

//! A page of its own (no shared sign-in), in Vietnamese unless told; page errors, console
//! errors and CSP violations are failures of the step that made them.
async function openConsole(size = sizes.desk, language = 'vi') {
  const context = await browser.newContext({ viewport: size, acceptDownloads: true });
  await context.addInitScript((lang) => localStorage.setItem('kcfield.language', lang), language);
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  await page.goto(server.url + '/');
  return page;
}

async function signIn(page, username, password = 'khuyencong') {
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', password);
  await page.click('form[data-test=sign-in] button[type=submit]');
}

async function noOverflow(page, what) {
  const wide = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, view: window.innerWidth }));
  assert.ok(wide.scroll <= wide.view + 1, `${what}: the page is ${wide.scroll}px wide in a ${wide.view}px window`);
}

async function accessible(page, what) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  });
  assert.deepEqual(result, [], `${what}: serious accessibility findings`);
}

async function screens(page, name) {
  for (const [label, size] of Object.entries(sizes)) {
    await page.setViewportSize(size);
    await page.waitForTimeout(100);
    await noOverflow(page, `${name} at ${label}`);
    await page.screenshot({ path: join(shots, `${name}-${label}.png`), fullPage: true });
  }
  await page.setViewportSize(sizes.desk);
}

// A field officer's phone: a monitoring visit on a project of province 04.
const phone = new Device(server.url);
await phone.signIn('canbo');
const projects = (await phone.call('GET', '/v1/projects?limit=5')).json.projects;
const project = projects[0];
const submissionId = uuidv7();
const visit = {
  project: project.id, visit_date: '2026-11-30', inspectors: 'Hoàng Văn Minh', findings: 'Máy đã lắp, chạy thử tốt',
  compliance: 'minor_deviation', deviation_detail: 'Chậm 2 tuần', recommendations: 'Đôn đốc nhà cung cấp',
};
const first = await phone.push({ id: submissionId, form_id: 'monitoring_visit', form_version: 1, base_revision: null,
  captured_at: new Date().toISOString(), answers: visit });
assert.equal(first.status, 'accepted', JSON.stringify(first));

const reviewer = new Device(server.url);
await reviewer.signIn('duyet');
const reportBefore = (await reviewer.call('GET', '/v1/reports/programme.json?from=2021')).json;

await step('the page is served with a strict Content-Security-Policy and no inline script', async () => {
  const r = await fetch(server.url + '/', { headers: { 'Accept-Encoding': 'gzip' } });
  assert.equal(r.status, 200);
  const csp = r.headers.get('content-security-policy');
  assert.match(csp, /script-src 'self'/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
  assert.match(csp, /frame-ancestors 'none'/);
  const html = await r.text();
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'an inline script in index.html');
  const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)[1];
  const js = await fetch(server.url + asset);
  assert.equal(js.status, 200);
  assert.match(js.headers.get('cache-control'), /immutable/);
  assert.equal((await fetch(server.url + '/assets/nothing.js')).status, 404);
});

await step('a wrong password is named on the page, and the reviewer signs in', async () => {
  const page = await openConsole();
  await signIn(page, 'duyet', 'sai-mat-khau');
  await page.waitForSelector('[data-test=sign-in-error]');
  assert.match(await page.textContent('[data-test=sign-in-error]'), /Sai tên đăng nhập hoặc mật khẩu|mật khẩu/i);
  await accessible(page, 'sign-in');
  await screens(page, 'sign-in');
  await signIn(page, 'duyet');
  await page.waitForSelector(`[data-id="${submissionId}"]`);
  await page.context().close();
});

await step('review: return with a comment, the phone pulls it, the fix is approved, the report counts it', async () => {
  const page = await openConsole();
  await signIn(page, 'duyet');
  await page.waitForSelector(`[data-id="${submissionId}"]`);
  await accessible(page, 'review queue');
  await screens(page, 'review-queue');
  // Keyboard: j/k to the row, r opens it with the return form ready; Enter opens it too.
  const index = Number(await page.getAttribute(`[data-id="${submissionId}"]`, 'data-row'));
  for (let i = 0; i < index; i++) await page.keyboard.press('j');
  await page.keyboard.press('r');
  await page.waitForSelector('[data-test=review-form] textarea[name=comment]');
  await page.goBack();
  await page.waitForSelector(`[data-id="${submissionId}"]`);
  for (let i = 0; i < index; i++) await page.keyboard.press('j');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-test=answers]');
  assert.match(await page.textContent('[data-field=visit_date]'), /30\/11\/2026/);
  assert.match(await page.textContent('[data-field=compliance]'), /Sai lệch nhỏ|nhỏ/i);
  await page.waitForFunction((code) => document.querySelector('[data-field=project] [data-reference]')?.textContent?.includes(code), project.code);
  await accessible(page, 'submission');
  await screens(page, 'submission');

  if (!(await page.locator('[data-test=review-form]').count())) await page.click('[data-test=return]');
  await page.click('[data-test=confirm]');
  assert.match(await page.textContent('[data-test=review-error]'), /sửa/);  // a return needs its comment
  await page.fill('textarea[name=comment]', 'Bổ sung ngày kiểm tra lại');
  await page.check('input[type=checkbox][value=follow_up_date]');
  await page.click('[data-test=confirm]');
  await page.waitForSelector('[data-test=review-done]');
  const returned = (await reviewer.call('GET', `/v1/submissions/${submissionId}`)).json;
  assert.equal(returned.state, 'returned');
  assert.equal(returned.review_comment, 'Bổ sung ngày kiểm tra lại');
  assert.deepEqual(returned.review_fields, ['follow_up_date']);

  const pulled = (await phone.call('GET', '/v1/pull?since=0&limit=1000')).json.changes
    .find((c) => c.kind === 'submission' && c.id === submissionId);
  assert.equal(pulled.data.state, 'returned');
  assert.equal(pulled.data.review_comment, 'Bổ sung ngày kiểm tra lại');

  const second = await phone.push({ id: submissionId, form_id: 'monitoring_visit', form_version: 1, base_revision: 1,
    captured_at: new Date().toISOString(), answers: { ...visit, follow_up_date: '2026-12-15' } });
  assert.equal(second.status, 'revision', JSON.stringify(second));

  await page.reload();
  await signIn(page, 'duyet');
  await page.goto(`${server.url}/#/review/${submissionId}`);
  await page.waitForSelector('[data-test=diff]');
  assert.match(await page.textContent('[data-test=diff]'), /follow_up_date/);
  assert.match(await page.textContent('[data-field=follow_up_date]'), /15\/12\/2026/);
  await page.click('[data-test=approve]');
  await page.click('[data-test=confirm]');
  await page.waitForSelector('[data-test=review-done]');
  assert.equal((await reviewer.call('GET', `/v1/submissions/${submissionId}`)).json.state, 'approved');

  await page.click('[data-nav=reports]');
  await page.waitForSelector('[data-figure=visits]');
  const shown = await page.textContent('[data-figure=visits] .value');
  const after = (await reviewer.call('GET', '/v1/reports/programme.json?from=2021')).json;
  assert.equal(after.monitoring_visits, reportBefore.monitoring_visits + 1);
  assert.equal(shown.trim(), `${after.surveys} / ${after.monitoring_visits}`);
  assert.match(await page.textContent('[data-figure=projects] .value'), new RegExp(String(after.projects.total)));
  await accessible(page, 'report');
  await screens(page, 'report');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=save-xlsx]')]);
  assert.match(download.suggestedFilename(), /^bao-cao-khuyen-cong-.*\.xlsx$/);
  const saved = await download.path();
  assert.equal(readFileSync(saved).subarray(0, 2).toString(), 'PK');
  await page.click('[data-nav=exports]');
  await page.waitForSelector('[data-form=monitoring_visit]');
  await screens(page, 'exports');
  await page.context().close();
});

await step('a conflict is shown side by side and the reviewer chooses the revision that stands; the phone pulls it', async () => {
  // Approved, then the phone sends an edit of revision 1: kept beside as a conflict.
  const id = uuidv7();
  const answers = { ...visit, findings: 'Máy chạy ổn định' };
  assert.equal((await phone.push({ id, form_id: 'monitoring_visit', form_version: 1, base_revision: null,
    captured_at: new Date().toISOString(), answers })).status, 'accepted');
  assert.equal((await reviewer.call('POST', `/v1/submissions/${id}/review`, { action: 'approve', revision: 1 })).status, 200);
  const edit = await phone.push({ id, form_id: 'monitoring_visit', form_version: 1, base_revision: 1,
    captured_at: new Date().toISOString(), answers: { ...answers, findings: 'Máy hỏng bộ sấy, chờ bảo hành' } });
  assert.equal(edit.status, 'conflict', JSON.stringify(edit));

  const page = await openConsole();
  await signIn(page, 'duyet');
  await page.waitForSelector('[data-test=queue]');
  await page.click('[data-count=conflict]');
  await page.waitForSelector(`[data-id="${id}"]`);
  assert.equal(await page.locator('[data-test=queue] tbody tr[data-id]').count(), 1, 'conflicts only');
  await page.click(`[data-id="${id}"] a`);
  await page.waitForSelector('[data-test=conflict] [data-side=rival] [data-field=findings].changed');
  assert.match(await page.textContent('[data-side=standing] [data-field=findings]'), /Máy chạy ổn định/);
  assert.match(await page.textContent('[data-side=rival] [data-field=findings]'), /hỏng bộ sấy/);
  assert.equal(await page.locator('[data-test=approve]').count(), 0, 'no decision before the conflict is settled');
  await accessible(page, 'conflict');
  await screens(page, 'conflict');

  await page.click('[data-test=choose-rival]');
  await page.fill('textarea[name=resolve-comment]', 'Dùng bản báo hỏng để theo dõi bảo hành');
  await page.click('[data-test=confirm-resolve]');
  await page.waitForSelector('[data-test=review-done]');
  await page.waitForSelector('[data-test=approve]');  // reviewed as any other now
  const head = (await reviewer.call('GET', `/v1/submissions/${id}`)).json;
  assert.equal(head.revision, 2);
  assert.equal(head.state, 'submitted');
  assert.equal(head.conflict, false);
  assert.equal(head.review_comment, 'Dùng bản báo hỏng để theo dõi bảo hành');
  assert.match(await page.textContent('[data-field=findings]'), /hỏng bộ sấy/);
  await page.waitForSelector('[data-test=history] [data-history=resolve]');
  assert.match(await page.textContent('[data-history=resolve]'), /bản 2 thay cho bản 1/);
  assert.match(await page.textContent('[data-history=resolve]'), /Lê Thị Thu/);
  const pulled = (await phone.call('GET', '/v1/pull?since=0&limit=1000')).json.changes
    .filter((c) => c.kind === 'submission' && c.id === id).at(-1);
  assert.equal(pulled.data.revision, 2);
  assert.equal(pulled.data.state, 'submitted');
  assert.equal(pulled.data.conflict, false);
  await page.context().close();
});

await step('the queue sorts oldest first and by last change, as the server does', async () => {
  const page = await openConsole();
  await signIn(page, 'duyet');
  await page.waitForSelector('[data-test=queue] tbody tr[data-id]');
  await page.selectOption('select[name=state]', '');
  for (const sort of ['oldest', 'changed']) {
    await page.selectOption('select[name=sort]', sort);
    const expected = (await reviewer.call('GET', `/v1/submissions?sort=${sort}&limit=50`)).json.submissions.map((h) => h.id);
    await page.waitForFunction((first) => document.querySelector('[data-test=queue] tbody tr[data-id]')?.getAttribute('data-id') === first, expected[0]);
    const shown = await page.$$eval('[data-test=queue] tbody tr[data-id]', (rows) => rows.map((r) => r.getAttribute('data-id')));
    assert.deepEqual(shown, expected, sort);
  }
  await page.context().close();
});

await step('a reviewer resolves a flagged duplicate side by side: merged, it leaves the register and the phone', async () => {
  const existing = (await phone.call('GET', '/v1/facilities?q=tam%20hoa')).json.facilities[0];
  const duplicateId = uuidv7();
  const registered = await phone.call('POST', '/v1/facilities', { id: duplicateId, name: 'htx tam hoa', legal_form: existing.legal_form,
    sector: existing.sector, province: existing.province, commune: existing.commune, representative: 'Nông Thị Tâm' });
  assert.equal(registered.status, 201, registered.text);
  assert.equal(registered.json.needs_review, true);
  const since = (await phone.call('GET', '/v1/pull?since=0&limit=1000')).json.next;

  const page = await openConsole();
  await signIn(page, 'duyet');
  await page.click('[data-nav=registers]');
  await page.waitForSelector(`[data-flagged="${duplicateId}"]`);
  const sideBySide = await page.textContent(`[data-flagged="${duplicateId}"]`);
  assert.match(sideBySide, /htx tam hoa/);
  assert.match(sideBySide, new RegExp(existing.name));
  await accessible(page, 'duplicates');
  await screens(page, 'duplicates');
  page.once('dialog', (d) => d.accept());
  await page.click(`[data-flagged="${duplicateId}"] [data-action=merge][data-into="${existing.id}"]`);
  await page.waitForSelector('[data-test=no-duplicates]');
  assert.equal((await reviewer.call('GET', '/v1/facility-duplicates')).json.facilities.length, 0);
  const found = (await reviewer.call('GET', '/v1/facilities?q=tam%20hoa')).json.facilities.map((f) => f.id);
  assert.deepEqual(found, [existing.id]);
  const changes = (await phone.call('GET', `/v1/pull?since=${since}&limit=1000`)).json.changes;
  assert.ok(changes.some((c) => c.kind === 'facility' && c.id === duplicateId && c.deleted), 'no tombstone for the merged facility');

  await page.click('[data-tab=facilities]');
  await page.fill('input[name=register-search]', 'tam hoa');
  await page.click('[data-test=register-search] button[type=submit]');
  await page.waitForSelector(`[data-facility="${existing.id}"]`);
  assert.equal(await page.locator(`[data-facility="${duplicateId}"]`).count(), 0);
  // Corrected from the page: the register holds the new representative.
  await page.click(`[data-facility="${existing.id}"] [data-action=edit]`);
  await page.fill('[data-test=facility-editor] input[name=representative]', 'Nông Văn Tâm');
  await page.click('[data-test=save-facility]');
  await page.waitForFunction(() => !document.querySelector('[data-test=facility-editor]'));
  assert.equal((await reviewer.call('GET', `/v1/facilities/${existing.id}`)).json.representative, 'Nông Văn Tâm');
  await page.click('[data-tab=projects]');
  await page.waitForSelector('[data-project="KCQG-2024-01"]');
  await screens(page, 'projects');
  await page.context().close();
});

await step('a reviewer adds a project and stalls it: the reason is asked for, then the report lists it', async () => {
  const page = await openConsole();
  await signIn(page, 'duyet');
  await page.click('[data-nav=registers]');
  await page.click('[data-tab=projects]');
  await page.click('[data-test=new-project]');
  await page.fill('[data-test=project-editor] input[name=code]', 'KCĐP-2026-77');
  await page.fill('[data-test=project-editor] input[name=title]', 'Hỗ trợ lò sấy miến dong');
  await page.fill('[data-test=project-editor] input[name=extension_funding]', '320000000');
  await page.fill('[data-test=project-editor] input[name=jobs_created]', '5');
  await page.click('[data-test=save-project]');
  await page.waitForSelector('[data-project="KCĐP-2026-77"]');
  const made = (await reviewer.call('GET', '/v1/projects?q=KC%C4%90P-2026-77')).json.projects[0];
  assert.equal(made.extension_funding, 320000000);
  assert.equal(made.jobs_created, 5);
  await page.click('[data-project="KCĐP-2026-77"] [data-action=edit]');
  await page.selectOption('[data-test=project-editor] select[name=status]', 'stalled');
  await page.click('[data-test=save-project]');
  await page.waitForSelector('[data-test=project-error]');
  assert.equal((await reviewer.call('GET', `/v1/projects/${made.id}`)).json.status, 'planned');
  await page.fill('[data-test=project-editor] input[name=status_reason]', 'Chưa giải ngân vốn đối ứng');
  await page.click('[data-test=save-project]');
  await page.waitForFunction(() => !document.querySelector('[data-test=project-editor]'));
  assert.equal((await reviewer.call('GET', `/v1/projects/${made.id}`)).json.status, 'stalled');
  // A collaborator assigned to it from the page receives the project by pull; taken off, it goes.
  const ctv = new Device(server.url);
  await ctv.signIn('ctv');
  await page.click('[data-project="KCĐP-2026-77"] [data-action=assignments]');
  await page.waitForSelector('[data-test=assignments] select[name=collaborator]');
  await page.selectOption('[data-test=assignments] select[name=collaborator]', 'ctv');
  await page.click('[data-test=assign]');
  await page.waitForSelector('[data-assigned=ctv]');
  assert.equal((await ctv.call('GET', `/v1/projects/${made.id}`)).status, 200);
  page.once('dialog', (d) => d.accept());
  await page.click('[data-assigned=ctv] [data-action=unassign]');
  await page.waitForFunction(() => !document.querySelector('[data-assigned=ctv]'));
  assert.equal((await ctv.call('GET', `/v1/projects/${made.id}`)).status, 404);
  await page.click('[data-nav=reports]');
  await page.fill('input[name=from]', String(new Date().getFullYear()));
  await page.click('[data-test=show-report]');
  await page.waitForFunction(() => document.body.textContent.includes('KCĐP-2026-77'));
  await page.context().close();
});

await step('a reviewer imports facilities from a file: a bad row is named and nothing imported, then all are', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kc-import-'));
  const header = 'name,legal_form,sector,province,commune\r\n';
  writeFileSync(join(dir, 'bad.csv'), header + 'Cơ sở đan lát Bản Giốc,household_business,handicrafts,04,\r\nHTX Sai,htx,handicrafts,04,\r\n');
  writeFileSync(join(dir, 'good.csv'), header + 'Cơ sở đan lát Bản Giốc,household_business,handicrafts,04,\r\n');
  const page = await openConsole();
  await signIn(page, 'duyet');
  await page.click('[data-nav=registers]');
  await page.click('[data-tab=facilities]');
  await page.setInputFiles('input[name=register-file]', join(dir, 'bad.csv'));
  await page.click('[data-test=run-import]');
  await page.waitForSelector('[data-test=import-problems]');
  assert.match(await page.textContent('[data-test=import-problems]'), /line 3.*legal_form/s);
  assert.equal((await reviewer.call('GET', '/v1/facilities?q=ban%20gioc')).json.facilities.length, 0);
  await page.setInputFiles('input[name=register-file]', join(dir, 'good.csv'));
  await page.click('[data-test=run-import]');
  await page.waitForSelector('[data-test=registers-notice]');
  assert.equal((await reviewer.call('GET', '/v1/facilities?q=ban%20gioc')).json.facilities.length, 1);
  const [template] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=template]')]);
  assert.equal(template.suggestedFilename(), 'mau-facilities.xlsx');
  const [exported] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=export-register]')]);
  assert.equal(exported.suggestedFilename(), 'facilities.xlsx');
  assert.ok(readFileSync(await exported.path()).toString('latin1').includes('xl/worksheets/sheet1.xml'));
  await page.context().close();
});

await step('bulk approve from the queue approves every chosen submission', async () => {
  const ids = [];
  for (let i = 0; i < 2; i++) {
    const id = uuidv7();
    ids.push(id);
    const r = await phone.push({ id, form_id: 'monitoring_visit', form_version: 1, base_revision: null,
      captured_at: new Date().toISOString(), answers: { ...visit, compliance: 'compliant', deviation_detail: undefined, recommendations: undefined } });
    assert.equal(r.status, 'accepted', JSON.stringify(r));
  }
  const page = await openConsole();
  await signIn(page, 'duyet');
  for (const id of ids) await page.check(`[data-id="${id}"] input[type=checkbox]`);
  page.once('dialog', (d) => d.accept());
  await page.click('[data-test=approve-selected]');
  await page.waitForSelector('[data-test=queue-message]');
  for (const id of ids) assert.equal((await reviewer.call('GET', `/v1/submissions/${id}`)).json.state, 'approved');
  // One more, approved from the keyboard: a on its row, after the confirmation.
  const single = uuidv7();
  assert.equal((await phone.push({ id: single, form_id: 'monitoring_visit', form_version: 1, base_revision: null,
    captured_at: new Date().toISOString(), answers: { ...visit, compliance: 'compliant', deviation_detail: undefined, recommendations: undefined } })).status, 'accepted');
  await page.reload();
  await signIn(page, 'duyet');
  await page.waitForSelector(`[data-id="${single}"]`);
  const row = Number(await page.getAttribute(`[data-id="${single}"]`, 'data-row'));
  for (let i = 0; i < row; i++) await page.keyboard.press('j');
  page.once('dialog', (d) => d.accept());
  await page.keyboard.press('a');
  await page.waitForFunction(() => document.querySelector('[data-test=queue-message]'));
  assert.equal((await reviewer.call('GET', `/v1/submissions/${single}`)).json.state, 'approved');
  await page.context().close();
});

await step('the queue counts by state as the server does, and its filters narrow it', async () => {
  const page = await openConsole();
  await signIn(page, 'duyet');
  await page.waitForSelector('[data-test=queue]');
  const counted = (await reviewer.call('GET', '/v1/submission-counts')).json.counts;
  await page.waitForFunction((n) => document.querySelector('[data-count=approved]')?.textContent?.endsWith(': ' + n), counted.approved);
  await page.click('[data-count=approved]');
  await page.waitForSelector(`[data-id="${submissionId}"]`);
  // A day range that ends before today leaves nothing; a wrong date is named.
  await page.fill('input[name=to]', '01/01/2020');
  await page.click('[data-test=apply-filters]');
  await page.waitForSelector('[data-test=queue-empty]');
  await page.fill('input[name=to]', '31/02/2020');
  await page.click('[data-test=apply-filters]');
  await page.waitForFunction(() => document.querySelector('[role=alert]')?.textContent?.includes('dd/mm/yyyy'));
  await page.fill('input[name=to]', '');
  await page.fill('input[name=officer]', 'canbo_cm');
  await page.click('[data-test=apply-filters]');
  await page.waitForSelector('[data-test=queue-empty]');
  // The search goes to the server: the project's code, in lower case, finds the visit.
  await page.fill('input[name=officer]', '');
  await page.fill('input[name=search]', project.code.toLowerCase());
  await page.click('[data-test=apply-filters]');
  await page.waitForSelector(`[data-id="${submissionId}"]`);
  await page.fill('input[name=search]', 'khong co gi');
  await page.click('[data-test=apply-filters]');
  await page.waitForSelector('[data-test=queue-empty]');
  await page.context().close();
});

await step('in English, on a phone-size window, the same queue', async () => {
  const page = await openConsole(sizes.phone, 'en');
  await signIn(page, 'duyet');
  await page.selectOption('select[name=state]', 'approved');
  await page.waitForSelector(`[data-id="${submissionId}"]`);
  assert.match(await page.textContent(`[data-id="${submissionId}"]`), /Approved/);
  await noOverflow(page, 'queue in English on a phone');
  await page.context().close();
});

await step('an admin creates a user, reads the password from the page, and enrolls a device with the code shown', async () => {
  const page = await openConsole();
  await signIn(page, 'quantri');
  await page.click('[data-nav=people]');
  await page.waitForSelector('[data-person=canbo]');
  // A username that breaks the rule is named beside its field, and nothing is made.
  await page.fill('input[name=new-username]', 'Lan Lo');
  await page.fill('input[name=new-name]', 'Lò Thị Lan');
  await page.click('[data-test=create-person]');
  await page.waitForSelector('[data-test=people-error]');
  assert.equal(await page.locator('[data-person="Lan Lo"]').count(), 0);
  await page.fill('input[name=new-username]', 'lan.ctv');
  await page.selectOption('select[name=new-role]', 'collaborator');
  await page.click('[data-test=create-person]');
  await page.waitForSelector('[data-test=new-password]');
  const password = (await page.textContent('[data-test=new-password]')).trim();
  await page.waitForSelector('[data-person="lan.ctv"]');
  const newcomer = new Device(server.url);
  const user = await newcomer.signIn('lan.ctv', password);
  assert.equal(user.role, 'collaborator');
  assert.deepEqual(user.provinces, ['04']);
  await accessible(page, 'people');
  await screens(page, 'people');

  await page.click('[data-person="lan.ctv"] [data-action=enroll]');
  await page.fill('input[name=device]', 'Redmi 9A của chị Lan');
  await page.click('[data-test=make-code]');
  await page.waitForSelector('[data-test=enroll-qr]');
  const code = (await page.textContent('[data-test=enroll-code]')).trim();
  const qrLoaded = await page.$eval('[data-test=enroll-qr]', (img) => img.complete && img.naturalWidth > 0);
  assert.ok(qrLoaded, 'the QR code image did not load');
  await screens(page, 'enrollment');
  const enrolled = await new Device(server.url).call('POST', '/v1/auth/enroll', { code, device: 'Redmi 9A của chị Lan' });
  assert.equal(enrolled.status, 200, enrolled.text);
  assert.equal(enrolled.json.user.username, 'lan.ctv');

  // Where the user is signed in: the password's sign-in and the enrolled phone.
  await page.click('[data-person="lan.ctv"] [data-action=sign-ins]');
  await page.waitForSelector('[data-test=sign-ins] li');
  assert.match(await page.textContent('[data-test=sign-ins]'), /Redmi 9A của chị Lan/);
  // Signed out everywhere from the page: the password's token stops working.
  page.once('dialog', (d) => d.accept());
  await page.click('[data-person="lan.ctv"] [data-action=sign-out]');
  await page.waitForFunction(() => document.querySelector('[data-test=people-notice]')?.textContent?.includes('lan.ctv'));
  assert.equal((await newcomer.call('GET', '/v1/me')).status, 401);

  // Each step is in the activity log.
  await page.click('[data-nav=activity]');
  await page.waitForSelector('[data-test=audit] [data-action="user.create"]');
  assert.ok(await page.locator('[data-test=audit] [data-action="enrollment_code.issue"]').count() >= 1);
  await accessible(page, 'activity');
  await screens(page, 'activity');
  await page.context().close();
});

await step('an admin publishes a form: its error is listed and nothing published, then the fixed one is', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kc-forms-'));
  const form = (relevant) => JSON.stringify({ id: 'khao_sat_nhanh', version: 1, title: { vi: 'Khảo sát nhanh', en: 'Quick survey' },
    questions: [{ name: 'so', type: 'integer', label: { vi: 'Số lao động' } },
      { name: 'ghi', type: 'text', label: { vi: 'Ghi chú' }, relevant }] });
  writeFileSync(join(dir, 'broken.json'), form('${s0} > 0'));
  writeFileSync(join(dir, 'khao_sat_nhanh.json'), form('${so} > 0'));
  const page = await openConsole();
  await signIn(page, 'quantri');
  await page.click('[data-nav=forms]');
  await page.waitForSelector('[data-form=monitoring_visit]');
  await page.setInputFiles('input[name=form-file]', join(dir, 'broken.json'));
  await page.click('[data-test=check-form]');
  await page.waitForSelector('[data-test=form-problems]');
  const listed = await page.textContent('[data-test=form-problems]');
  assert.match(listed, /questions\[1\]\.relevant/);
  assert.match(listed, /\$\{so\}/);
  assert.ok(await page.isDisabled('[data-test=publish-form]'));
  assert.equal((await reviewer.call('GET', '/v1/forms/khao_sat_nhanh/versions/1')).status, 404);
  await accessible(page, 'forms with problems');
  await screens(page, 'forms-problems');

  await page.setInputFiles('input[name=form-file]', join(dir, 'khao_sat_nhanh.json'));
  await page.click('[data-test=check-form]');
  await page.waitForSelector('[data-test=form-checked]');
  assert.equal((await reviewer.call('GET', '/v1/forms/khao_sat_nhanh/versions/1')).status, 404);  // checked, not published
  await page.click('[data-test=publish-form]');
  await page.waitForFunction(() => document.querySelector('[data-test=form-checked]')?.textContent?.includes('khao_sat_nhanh'));
  await page.waitForSelector('[data-form=khao_sat_nhanh]');
  const published = await reviewer.call('GET', '/v1/forms/khao_sat_nhanh/versions/1');
  assert.equal(published.status, 200);
  // The phone receives it by pull.
  const pulled = (await phone.call('GET', '/v1/pull?since=0&limit=1000')).json.changes.find((c) => c.kind === 'form' && c.id === 'khao_sat_nhanh');
  assert.equal(pulled?.data.version, 1);
  // The preview shows its questions with their rules.
  await page.click('[data-form=khao_sat_nhanh] [data-version="1"]');
  await page.waitForSelector('[data-test=form-preview] [data-question=ghi]');
  assert.match(await page.textContent('[data-test=form-preview] [data-question=ghi]'), /relevant: \$\{so\} > 0/);
  await screens(page, 'forms-preview');
  await page.context().close();
});

await step('a reviewer has no People page, and the API refuses them', async () => {
  const page = await openConsole();
  await signIn(page, 'duyet');
  await page.waitForSelector('[data-test=queue]');
  assert.equal(await page.locator('[data-nav=people]').count(), 0);
  assert.equal((await reviewer.call('GET', '/v1/admin/users')).status, 403);
  await page.context().close();
});

await step('a WebP photo from the phone shows in the review, with when and where it was taken', async () => {
  // 64 x 48 px, written by Qt's WebP plugin as the app writes photos.
  const webp = Buffer.from('UklGRogAAABXRUJQVlA4IHwAAABQBQCdASpAADAAPn0yk0ekoyGhN+gAkA+JQBfWhm9dkwFv/gcO29GG/T4yW42MEz3kqAAA' +
    '/vA4Q/3A67mT3/oR1Viav/f56YD6ExWJ6pTWl0SHGpK+v4Iqo3qQC8ordFLAfYh4hUmiYDAnAxUJhPXGimaz5sACVArw4AAA', 'base64');
  const { createHash } = await import('node:crypto');
  const sha = createHash('sha256').update(webp).digest('hex');
  const origin = { taken_at: '2026-10-12T09:14:05+07:00', location: { lat: 22.6667, lon: 106.25 } };
  const announced = await phone.call('POST', '/v1/attachments',
    { attachments: [{ sha256: sha, size: webp.length, content_type: 'image/webp', origin }] });
  assert.equal(announced.status, 200, announced.text);
  const chunk = await fetch(`${server.url}/v1/attachments/${sha}`, { method: 'PATCH', body: webp,
    headers: { Authorization: `Bearer ${phone.token}`, 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' } });
  assert.equal(chunk.status, 200, await chunk.text());
  const id = uuidv7();
  const receipt = await phone.push({ id, form_id: 'progress_report', form_version: 1, base_revision: null,
    captured_at: new Date().toISOString(), answers: { project: project.id, period_start: '2026-10-01', period_end: '2026-10-31',
      percent_done: 55, amount_disbursed: 1000000, jobs_created: 2, has_difficulties: 'no', photos: [sha] } });
  assert.equal(receipt.status, 'accepted', JSON.stringify(receipt));

  const page = await openConsole();
  await signIn(page, 'duyet');
  await page.goto(`${server.url}/#/review/${id}`);
  await page.waitForSelector('[data-field=photos] img');
  await page.waitForFunction(() => { const img = document.querySelector('[data-field=photos] img'); return img?.complete && img.naturalWidth > 0; });
  assert.deepEqual(await page.$eval('[data-field=photos] img', (img) => [img.naturalWidth, img.naturalHeight]), [64, 48]);
  await page.waitForSelector('[data-test=photo-origin]');
  assert.equal(await page.textContent('[data-test=photo-origin]'), 'Chụp lúc 12/10/2026 09:14 · 22,6667, 106,25');
  await accessible(page, 'a photo with its origin');
  await page.context().close();
});

await step('an officer signs in and is sent to the app', async () => {
  const page = await openConsole();
  await signIn(page, 'canbo');
  await page.waitForSelector('[data-test=staff-only]');
  assert.equal(await page.locator('[data-nav=review]').count(), 0);
  await screens(page, 'staff-only');
  await page.context().close();
});

await step("a reviewer of another province sees nothing of this one, even by its address", async () => {
  const page = await openConsole();
  await signIn(page, 'duyet_cm');
  await page.waitForSelector('[data-test=queue]');
  await page.selectOption('select[name=state]', '');
  await page.waitForTimeout(300);
  assert.equal(await page.locator(`[data-id="${submissionId}"]`).count(), 0);
  await page.goto(`${server.url}/#/review/${submissionId}`);
  await page.waitForSelector('[data-test=submission-error]');
  assert.match(await page.textContent('[data-test=submission-error]'), /không thuộc tỉnh/);
  assert.equal(await page.locator('[data-test=answers]').count(), 0);
  await page.context().close();
});

await step('no page error, console error or CSP violation on any page', async () => {
  assert.deepEqual(problems.filter((p) => !/the server responded with a status of (400|401|404|409|422)/.test(p)), []);
});

await browser.close();
await server.stop();
console.log(failures ? `${failures} step(s) failed` : 'every step passed');
process.exit(failures ? 1 : 0);
