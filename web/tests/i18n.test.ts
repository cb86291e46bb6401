import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appTranslations, readQtTranslations } from '../glossary';
import { consoleVi } from '../src/i18n/console';
import { fill, setLanguage, t } from '../src/i18n';

const app = readQtTranslations(readFileSync(appTranslations, 'utf8'));
const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) =>
  statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]);
const used = new Set<string>();
for (const file of walk(join(__dirname, '../src')).filter((f) => /\.(ts|vue)$/.test(f)))
  for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'((?:[^'\\]|\\.)*)'/g)) used.add(m[1]!.replace(/\\'/g, "'"));

describe('one glossary with the app', () => {
  it('reads the app translations Qt made', () => {
    expect(app['Approve']).toBe('Duyệt');
    expect(app['Save Excel']).toBe('Lưu Excel');
    expect(Object.keys(app).length).toBeGreaterThan(300);
    expect(readQtTranslations('<message><source>A &amp; B</source><translation type="unfinished">x</translation></message>')).toEqual({});
    expect(readQtTranslations('<message><source>A &amp; B</source><translation>A &amp; B vi</translation></message>'))
      .toEqual({ 'A & B': 'A & B vi' });
  });
  it('never says again what the app already translates', () => {
    const twice = Object.keys(consoleVi).filter((k) => k in app);
    expect(twice).toEqual([]);
  });
  it('has Vietnamese for every text the console shows', () => {
    const missing = [...used].filter((s) => !(s in app) && !(s in consoleVi));
    expect(missing).toEqual([]);
    expect(used.size).toBeGreaterThan(50);
  });
  it('keeps the placeholders of each text', () => {
    for (const [source, vi] of Object.entries(consoleVi))
      expect((vi.match(/%\d/g) ?? []).sort(), source).toEqual((source.match(/%\d/g) ?? []).sort());
  });
  it('switches language and fills placeholders in order', () => {
    setLanguage('vi');
    expect(t('Approve')).toBe('Duyệt');
    expect(t('Approve %1 submissions?', 3)).toBe('Duyệt 3 phiếu?');
    setLanguage('en');
    expect(t('Approve %1 submissions?', 3)).toBe('Approve 3 submissions?');
    expect(fill('%2 of %1', [1, 2])).toBe('2 of 1');
  });
});
