import * as fs from 'fs';
import * as path from 'path';
import { parseFormDefinition, type Field } from '../../src/core/form-schema';
import { nativeValidationFor, numberFormatFor } from '../../src/core/native-validation';
import { FORMS, getForm } from '../../src/notices';
import { allCells, cloneForm } from '../support/forms';

const fieldsOf = (formId: string): Field[] => allCells(getForm(formId)).flatMap((c) => (c.kind === 'input' ? [c.field] : []));
const allFields = () => FORMS.flatMap((f) => fieldsOf(f.id).map((field) => ({ form: f.id, field })));

describe('field options from issue 10: total, monthAllowed, remindIfBlank', () => {
  it('integers are quantities to add up (total) except 序号, 年龄 and 工作年限', () => {
    const integers = allFields().filter(({ field }) => field.type === 'integer');
    const notAdded = integers
      .filter(({ field }) => field.type === 'integer' && !field.total)
      .map(({ form, field }) => `${form}.${field.id}`);
    const byLabel = integers
      .filter(({ field }) => ['序号', '年龄', '工作年限'].includes(field.label))
      .map(({ form, field }) => `${form}.${field.id}`);
    expect(notAdded.sort()).toEqual(byLabel.sort());
    expect(notAdded.sort()).toEqual([
      'studio-application.age',
      'studio-application.leaderAge',
      'studio-application.leaderYears',
      'studio-application.years',
      'studio-summary.seq',
      'yangpu-theme-activity.seq',
      'yangpu-volunteer-team.seq',
    ]);
    expect(integers.filter(({ field }) => field.type === 'integer' && field.total).length).toBeGreaterThan(10);
  });

  it('total defaults to true, monthAllowed and remindIfBlank to false', () => {
    const form = cloneForm(getForm('yangpu-volunteer-team'));
    const cells = form.bands[1].cells;
    delete cells[3].field.total;
    delete cells[4].field.monthAllowed;
    for (const c of cells) delete c.field.remindIfBlank;
    const parsed = parseFormDefinition(form);
    const table = parsed.bands[1];
    if (table?.kind !== 'table') throw new Error('no list');
    expect(table.cells[3]?.field).toMatchObject({ id: 'size', total: true, remindIfBlank: false });
    expect(table.cells[4]?.field).toMatchObject({ id: 'formedOn', monthAllowed: false });
  });

  it('组建时间 of the volunteer teams may be a month: the notice asks for no day', () => {
    const notice = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'notices', '004.txt'), 'utf8');
    expect(notice).toMatch(/组建时间\s/);
    expect(notice).not.toMatch(/组建时间[（(][^）)]*日/);
    const months = allFields().filter(({ field }) => field.type === 'date' && field.monthAllowed);
    expect(months.map(({ form, field }) => `${form}.${field.id}`)).toEqual(['yangpu-volunteer-team.formedOn']);
  });

  it('a month-only date cell has no Excel date rule (it would refuse 2016.9) and keeps what is typed as text', () => {
    const formedOn = fieldsOf('yangpu-volunteer-team').find((f) => f.id === 'formedOn') as Field;
    const v = nativeValidationFor(formedOn);
    expect(v.rule).toBeUndefined();
    expect(v.prompt).toContain('2016年9月');
    expect(numberFormatFor(formedOn)).toBe('@');
    const day = fieldsOf('yangpu-volunteer-team').find((f) => f.id === 'fillDate') as Field;
    expect(nativeValidationFor(day).rule).toEqual(expect.objectContaining({ kind: 'date' }));
  });

  it('a phone cell takes two numbers with extensions in Excel too', () => {
    const phone = fieldsOf('festival-project').find((f) => f.type === 'phone') as Field;
    const rule = nativeValidationFor(phone).rule;
    expect(rule?.kind).toBe('textLength');
    expect(rule?.kind === 'textLength' && rule.max).toBeGreaterThanOrEqual('021-55885659-123、13912345678'.length);
  });

  it('every 填报日期 is optional with a reminder, the same on every form', () => {
    const fillDates = allFields().filter(({ field }) => field.label.startsWith('填报日期'));
    expect(fillDates.length).toBe(4);
    for (const { field } of fillDates) expect(field).toMatchObject({ id: 'fillDate', type: 'date', required: false, remindIfBlank: true });
    expect(allFields().filter(({ field }) => field.remindIfBlank).length).toBe(fillDates.length);
  });

  it('the schema refuses contradictory options', () => {
    const required = cloneForm(getForm('festival-project'));
    required.bands[0].rows[2].cells[2].field.required = true;
    expect(() => parseFormDefinition(required)).toThrow(/fillDate: remindIfBlank is for fields that are not required/);
    const range = cloneForm(getForm('festival-project'));
    range.bands[0].rows[7].cells[1].field.monthAllowed = true;
    expect(() => parseFormDefinition(range)).toThrow(/time: monthAllowed is for single dates, not ranges/);
    const notInteger = cloneForm(getForm('festival-project'));
    notInteger.bands[0].rows[3].cells[1].field.total = false;
    expect(() => parseFormDefinition(notInteger)).toThrow(/total/);
  });
});
