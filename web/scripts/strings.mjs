// Lists the texts the console passes to t() that neither the app's translations nor the
// console's catalog have: node scripts/strings.mjs
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const walk = (dir) => readdirSync(dir).flatMap((n) => statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]);
const sources = walk('src').filter((f) => /\.(ts|vue)$/.test(f));
const used = new Set();
for (const file of sources) {
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/\bt\(\s*'((?:[^'\\]|\\.)*)'/g)) used.add(m[1].replace(/\\'/g, "'"));
  for (const m of text.matchAll(/\bt\(\s*"((?:[^"\\]|\\.)*)"/g)) used.add(m[1]);
  for (const m of text.matchAll(/text: '([^']*)'/g)) used.add(m[1]);
  for (const m of text.matchAll(/: '([A-Z][^']*)'/g)) if (file.endsWith('codes.ts') || file.includes('ReportPage')) used.add(m[1]);
}
const xml = readFileSync('../app/i18n/kcfield_vi.ts', 'utf8');
const app = new Set([...xml.matchAll(/<source>([\s\S]*?)<\/source>/g)].map((m) => m[1].replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>')));
const catalog = readFileSync('src/i18n/console.ts', 'utf8');
for (const s of [...used].sort()) if (!app.has(s) && !catalog.includes(JSON.stringify(s).slice(1, -1))) console.log(JSON.stringify(s));
