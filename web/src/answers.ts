// A submission's answers laid out as its form lays them out: groups as sections, repeats as
// tables, each value shown as a person reads it (labels in the console's language, money
// grouped, dates dd/mm/yyyy, choices by their labels). Pure: the pages only draw the result.
import { date, dateTime, decimal, grouped, money } from './format';
import { localized } from './i18n';

export interface Text { vi?: string; en?: string }
export interface Question {
  name: string; type: string; label?: Text; list_name?: string; register?: string; multiple?: boolean;
  questions?: Question[];
}
export interface Choice { name: string; label?: Text }
export interface FormDefinition {
  id: string; version: number; title?: Text; questions: Question[]; choices?: Record<string, Choice[]>;
}
export type Answers = Record<string, unknown>;

//! How one answer is shown: text, or attachments (photos, a signature), or a register link.
export type Shown =
  | { kind: 'text'; text: string }
  | { kind: 'attachments'; hashes: string[]; signature: boolean }
  | { kind: 'reference'; register: string; id: string }
  | { kind: 'location'; text: string; lat: number; lon: number };

export interface Field { kind: 'field'; name: string; label: string; type: string; shown: Shown | null; path: string }
export interface Section { kind: 'group'; name: string; label: string; items: Item[] }
export interface Table {
  kind: 'repeat'; name: string; label: string; columns: { name: string; label: string }[];
  rows: { path: string; cells: (Shown | null)[]; nested: Item[] }[];
}
export type Item = Field | Section | Table;

function choiceLabel(definition: FormDefinition, list: string | undefined, name: string): string {
  const choice = definition.choices?.[list ?? '']?.find((c) => c.name === name);
  return choice ? localized(choice.label) || name : name;
}

export function showAnswer(definition: FormDefinition, question: Question, value: unknown): Shown | null {
  if (value === null || value === undefined || value === '') return null;
  if (Array.isArray(value) && value.length === 0) return null;
  switch (question.type) {
    case 'money':
      return typeof value === 'number' ? { kind: 'text', text: money(value) } : { kind: 'text', text: String(value) };
    case 'integer':
      return { kind: 'text', text: typeof value === 'number' ? grouped(value) : String(value) };
    case 'decimal':
      return { kind: 'text', text: typeof value === 'number' ? decimal(value) : String(value) };
    case 'date':
      return { kind: 'text', text: date(String(value)) };
    case 'datetime':
      return { kind: 'text', text: dateTime(String(value)) };
    case 'select_one':
      return { kind: 'text', text: choiceLabel(definition, question.list_name, String(value)) };
    case 'select_multiple': {
      const names = Array.isArray(value) ? value.map(String) : String(value).split(' ');
      return { kind: 'text', text: names.map((n) => choiceLabel(definition, question.list_name, n)).join('; ') };
    }
    case 'photo':
    case 'signature':
      return { kind: 'attachments', hashes: (Array.isArray(value) ? value : [value]).map(String),
        signature: question.type === 'signature' };
    case 'reference':
      return { kind: 'reference', register: question.register ?? 'facility', id: String(value) };
    case 'geopoint': {
      const point = value as { lat?: number; lon?: number; accuracy?: number };
      if (typeof point.lat !== 'number' || typeof point.lon !== 'number') return { kind: 'text', text: JSON.stringify(value) };
      const accuracy = typeof point.accuracy === 'number' ? ` (± ${decimal(point.accuracy, 0)} m)` : '';
      return { kind: 'location', lat: point.lat, lon: point.lon,
        text: `${decimal(point.lat)}, ${decimal(point.lon)}${accuracy}` };
    }
    default:
      return { kind: 'text', text: typeof value === 'string' ? value : JSON.stringify(value) };
  }
}

function hasAnswer(question: Question): boolean {
  return question.type !== 'note' && question.type !== 'group' && question.type !== 'repeat';
}

//! The items of `questions` with the answers of one scope (the submission, or a repeat entry).
export function layOut(definition: FormDefinition, questions: Question[], answers: Answers, prefix = ''): Item[] {
  const items: Item[] = [];
  for (const q of questions) {
    const label = localized(q.label) || q.name;
    if (q.type === 'group') {
      items.push({ kind: 'group', name: q.name, label, items: layOut(definition, q.questions ?? [], answers, prefix) });
    } else if (q.type === 'repeat') {
      const inner = q.questions ?? [];
      const flat = flatten(inner);
      const entries = Array.isArray(answers[q.name]) ? answers[q.name] as Answers[] : [];
      items.push({
        kind: 'repeat', name: q.name, label,
        columns: flat.filter(hasAnswer).map((c) => ({ name: c.name, label: localized(c.label) || c.name })),
        rows: entries.map((entry, i) => {
          const path = `${prefix}${q.name}[${i}]`;
          return {
            path,
            cells: flat.filter(hasAnswer).map((c) => showAnswer(definition, c, entry[c.name])),
            nested: layOut(definition, flat.filter((c) => c.type === 'repeat'), entry, path + '.'),
          };
        }),
      });
    } else if (hasAnswer(q)) {
      items.push({ kind: 'field', name: q.name, label, type: q.type, path: prefix + q.name,
        shown: showAnswer(definition, q, answers[q.name]) });
    }
  }
  return items;
}

//! A repeat's questions with its groups opened (a table has no sections).
function flatten(questions: Question[]): Question[] {
  return questions.flatMap((q) => (q.type === 'group' ? flatten(q.questions ?? []) : [q]));
}

//! Every question that holds an answer, with its label, for naming fields in a return.
export function answerFields(questions: Question[]): { name: string; label: string }[] {
  return flatten(questions).flatMap((q) => q.type === 'repeat'
    ? answerFields(q.questions ?? [])
    : hasAnswer(q) ? [{ name: q.name, label: localized(q.label) || q.name }] : []);
}
