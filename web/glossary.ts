// The app's translations (app/i18n/kcfield_vi.ts, made with Qt's tools) are the console's
// glossary too: a vite plugin hands them to the console as the module "virtual:app-glossary",
// so one word has one translation in both. The console's own catalog adds only what the app
// does not say (src/i18n/console.ts; a unit test keeps the two apart).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

export const appTranslations = fileURLToPath(new URL('../app/i18n/kcfield_vi.ts', import.meta.url));

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#(\d+)|#x([0-9a-fA-F]+));/g, (_all, name: string, dec?: string, hex?: string) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : (entities[name] ?? _all));
}

//! English source → Vietnamese, for every finished translation (the first where contexts differ).
export function readQtTranslations(xml: string): Record<string, string> {
  const out: Record<string, string> = {};
  const message = /<message(?:\s[^>]*)?>([\s\S]*?)<\/message>/g;
  for (const match of xml.matchAll(message)) {
    const inner = match[1] ?? '';
    const source = /<source>([\s\S]*?)<\/source>/.exec(inner);
    const translation = /<translation(\s[^>]*)?>([\s\S]*?)<\/translation>/.exec(inner);
    if (!source || !translation || /type="(unfinished|obsolete|vanished)"/.test(translation[1] ?? '')) continue;
    const key = decode(source[1] ?? '');
    const value = decode(translation[2] ?? '');
    if (value && !(key in out)) out[key] = value;
  }
  return out;
}

export function appGlossary(): Plugin {
  const id = 'virtual:app-glossary';
  return {
    name: 'kcfield-app-glossary',
    resolveId: (source) => (source === id ? '\0' + id : null),
    load(loaded) {
      if (loaded !== '\0' + id) return null;
      this.addWatchFile(appTranslations);
      return 'export default ' + JSON.stringify(readQtTranslations(readFileSync(appTranslations, 'utf8')));
    },
  };
}
