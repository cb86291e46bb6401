// Vietnamese by default, English on request. Texts are written in English, as the app's are
// (Qt's tr()), and looked up first in the app's own translations (one glossary for both),
// then in the console's (console.ts). %1, %2… are filled in order, as Qt's arg() does.
import { ref } from 'vue';
import appGlossary from 'virtual:app-glossary';
import { consoleVi } from './console';

export type Language = 'vi' | 'en';
const stored = typeof localStorage !== 'undefined' ? localStorage.getItem('kcfield.language') : null;
export const language = ref<Language>(stored === 'en' ? 'en' : 'vi');

export function setLanguage(next: Language): void {
  language.value = next;
  if (typeof localStorage !== 'undefined') localStorage.setItem('kcfield.language', next);
  if (typeof document !== 'undefined') document.documentElement.lang = next;
}

export function fill(text: string, args: readonly (string | number)[]): string {
  return text.replace(/%(\d)/g, (all, n: string) => {
    const value = args[Number(n) - 1];
    return value === undefined ? all : String(value);
  });
}

//! The Vietnamese of an English text: the app's word where it has one, else the console's.
export function vietnamese(source: string): string | undefined {
  return appGlossary[source] ?? consoleVi[source];
}

export function t(source: string, ...args: (string | number)[]): string {
  const text = language.value === 'vi' ? (vietnamese(source) ?? source) : source;
  return fill(text, args);
}

//! A text of a form ({"vi": …, "en": …}) in the console's language, Vietnamese when missing.
export function localized(text: { vi?: string; en?: string } | undefined | null): string {
  if (!text) return '';
  return (language.value === 'en' ? text.en : undefined) ?? text.vi ?? text.en ?? '';
}
