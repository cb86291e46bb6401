import { describe, expect, it, beforeEach } from 'vitest';
import { answerFields, layOut, showAnswer, type FormDefinition, type Table, type Field, type Section } from '../src/answers';
import { setLanguage } from '../src/i18n';
import handover from '../../shared/forms/equipment_handover.json';

const form = handover as unknown as FormDefinition;

describe('answers laid out as the form lays them out', () => {
  beforeEach(() => setLanguage('vi'));

  it('shows each type as a person reads it', () => {
    const q = (type: string, extra = {}) => ({ name: 'x', type, ...extra });
    expect(showAnswer(form, q('money'), 12500000)).toEqual({ kind: 'text', text: '12.500.000 đ' });
    expect(showAnswer(form, q('date'), '2026-03-09')).toEqual({ kind: 'text', text: '09/03/2026' });
    expect(showAnswer(form, q('decimal'), 2.5)).toEqual({ kind: 'text', text: '2,5' });
    expect(showAnswer(form, q('text'), '')).toBeNull();
    expect(showAnswer(form, q('photo', { multiple: true }), [])).toBeNull();
    expect(showAnswer(form, q('signature'), 'ab'.repeat(32))).toEqual({ kind: 'attachments', hashes: ['ab'.repeat(32)], signature: true });
    expect(showAnswer(form, q('geopoint'), { lat: 22.7069, lon: 106.1653, accuracy: 8 }))
      .toMatchObject({ kind: 'location', text: '22,7069, 106,1653 (± 8 m)' });
    expect(showAnswer(form, q('reference', { register: 'project' }), 'p1')).toEqual({ kind: 'reference', register: 'project', id: 'p1' });
  });

  it('gives choices their labels in the console language', () => {
    const select = form.questions.flatMap((q) => q.questions ?? [q]).find((q) => q.type === 'select_one')!;
    const list = form.choices![select.list_name!]!;
    const first = list[0]!;
    expect(showAnswer(form, select, first.name)).toEqual({ kind: 'text', text: first.label!.vi });
    setLanguage('en');
    expect(showAnswer(form, select, first.name)).toEqual({ kind: 'text', text: first.label!.en });
    expect(showAnswer(form, select, 'not_a_choice')).toEqual({ kind: 'text', text: 'not_a_choice' });
  });

  it('makes a repeat a table with one row per entry, and names each cell by its path', () => {
    const answers = {
      project: 'p1', handover_date: '2026-03-09',
      items: [{ item_name: 'Máy sấy', quantity: 2, unit_price: 125000000 }, { item_name: 'Máy xay', quantity: 1 }],
    };
    const items = layOut(form, form.questions, answers);
    const table = items.find((i): i is Table => i.kind === 'repeat' && i.name === 'items')!;
    expect(table.rows).toHaveLength(2);
    expect(table.rows[1]!.path).toBe('items[1]');
    const price = table.columns.findIndex((c) => c.name === 'unit_price');
    expect(table.rows[0]!.cells[price]).toEqual({ kind: 'text', text: '125.000.000 đ' });
    expect(table.rows[1]!.cells[price]).toBeNull();
    const day = items.find((i): i is Field => i.kind === 'field' && i.name === 'handover_date')!;
    expect(day.shown).toEqual({ kind: 'text', text: '09/03/2026' });
    expect(day.label).toBe('Ngày bàn giao');
  });

  it('keeps groups as sections and lists every answer field for a return', () => {
    const definition: FormDefinition = { id: 'g', version: 1, questions: [
      { name: 'who', type: 'group', label: { vi: 'Người', en: 'Person' }, questions: [
        { name: 'ten', type: 'text', label: { vi: 'Tên' } }, { name: 'ghi', type: 'note', label: { vi: 'Ghi chú' } }] },
      { name: 'rows', type: 'repeat', label: { vi: 'Dòng' }, questions: [{ name: 'so', type: 'integer', label: { vi: 'Số' } }] },
    ] };
    const [group] = layOut(definition, definition.questions, { ten: 'Lan' }) as [Section];
    expect(group.kind).toBe('group');
    expect(group.items).toHaveLength(1);
    expect(answerFields(definition.questions).map((f) => f.name)).toEqual(['ten', 'so']);
  });
});
