import fc from 'fast-check';
import type { CellValue } from '../../src/core/cell-value';
import { readForm, slotValue } from '../../src/core/read/read-form';
import { checkField } from '../../src/core/rules/field-rules';
import { checkForm } from '../../src/core/rules/check-form';
import { planSheet } from '../../src/core/layout';
import { FORMS, getForm } from '../../src/notices';
import { filledGrid, goodApplication, TODAY } from '../support/filled-form';

describe('reading a filled-in form', () => {
  it('finds a list grown by inserted rows, and what follows it', () => {
    const values = goodApplication();
    for (let i = 4; i < 14; i++) {
      Object.assign(values, {
        [`members[${i}].name`]: `成员${i}`,
        [`members[${i}].age`]: 30,
        [`members[${i}].education`]: '本科',
        [`members[${i}].rank`]: '技师',
        [`members[${i}].trade`]: '钳工',
        [`members[${i}].years`]: 5,
      });
    }
    const grid = filledGrid('studio-application', values, { tableRows: { members: 14 } });
    const reading = readForm(getForm('studio-application'), grid);
    expect(reading.plan.tables[0]?.rowCount).toBe(14);
    expect(slotValue(reading, 'members[13].name')).toBe('成员13');
    expect(slotValue(reading, 'introduction')).toBe(values.introduction);
    expect(checkForm(reading, { today: TODAY })).toEqual([]);
  });

  it('finds a list shortened by deleted rows', () => {
    const grid = filledGrid('studio-summary', { 'studios[0].studioName': '甲' }, { tableRows: { studios: 2 } });
    const reading = readForm(getForm('studio-summary'), grid);
    expect(reading.plan.tables[0]?.rowCount).toBe(2);
    expect(slotValue(reading, 'opinion')).toBeNull();
  });
});

const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ minLength: 30000, maxLength: 33000 }),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.date(),
  fc.constantFrom(
    null,
    undefined,
    '',
    '#N/A',
    '#REF!',
    '#DIV/0!',
    '=HYPERLINK("http://x")',
    '\u0000',
    '𠀀𪚥',
    '１２人',
    '２０１７年５月１２日',
  ),
);

describe('the rule engine never throws, whatever a cell holds', () => {
  const fields = FORMS.flatMap((f) => planSheet(f).slots.map((s) => s.field));

  it('for every field of every form', () => {
    fc.assert(
      fc.property(fc.constantFrom(...fields), anyCell, (field, raw) => {
        const result = checkField(field, raw, { year: 2017 });
        expect(['blank', 'ok', 'invalid']).toContain(result.status);
      }),
      { numRuns: 3000 },
    );
  });

  it('for whole sheets of random values', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FORMS), fc.array(fc.array(anyCell, { maxLength: 10 }), { maxLength: 80 }), (form, grid) => {
        const problems = checkForm(readForm(form, grid), { today: TODAY });
        expect(Array.isArray(problems)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
