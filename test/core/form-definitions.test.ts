import * as fs from 'fs';
import * as path from 'path';
import { FormDefinitionSchema, parseFormDefinition } from '../../src/core/form-schema';
import { planSheet } from '../../src/core/layout';
import { fillTemplate } from '../../src/core/templates';
import { FORMS, FORM_IDS, getForm } from '../../src/notices';
import { EXPECTED_FORM_IDS } from '../fixtures/expected-forms';
import { NOTICE_CHOICES, NOTICE_LABELS } from '../fixtures/notice-labels';
import { allCells, cloneForm, labelCells } from '../support/forms';
import { hasChinese, normalizeText } from '../support/text';

const notice = (seed: string) => normalizeText(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'notices', `${seed}.txt`), 'utf8'));

describe('the six official forms', () => {
  it('are exactly the fixed ids, in the notices order', () => {
    expect(FORM_IDS).toEqual(EXPECTED_FORM_IDS);
  });

  it.each(FORMS.map((f) => [f.id, f]))('%s passes the schema again as plain data', (_id, form) => {
    const roundTrip = FormDefinitionSchema.safeParse(JSON.parse(JSON.stringify(form)));
    expect(roundTrip.success).toBe(true);
  });

  it.each(FORMS.map((f) => [f.id, f]))('%s has unique field keys, each with a Chinese label', (_id, form) => {
    const plan = planSheet(form);
    const keys = plan.slots.map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const slot of plan.slots) expect(hasChinese(slot.field.label)).toBe(true);
  });

  it.each(FORMS.map((f) => [f.id, f]))('%s: every label not marked adapted stands verbatim in its notice', (_id, form) => {
    const text = notice(form.notice.seed as string);
    const params = planSheet(form).params;
    const missing = labelCells(form)
      .filter((c) => !c.adapted && c.text !== '')
      .map((c) => fillTemplate(c.text, params))
      .filter((t) => !text.includes(normalizeText(t)));
    expect(missing).toEqual([]);
  });

  it('adapts the notices wording only in the festival deadline notes', () => {
    const adapted = FORMS.flatMap((f) =>
      labelCells(f)
        .filter((c) => c.adapted)
        .map((c) => `${f.id}: ${c.text}`),
    );
    expect(adapted).toEqual([
      'festival-project: 2. 请于{deadline:ymd}前报送第{edition:cn}届上海职工科技节组委会办公室',
      'festival-stats: 2. 请于{deadline:ymd}前报送第{edition:cn}届上海职工科技节组委会办公室',
    ]);
  });

  it.each(Object.entries(NOTICE_LABELS))('%s carries every label of the notice', (id, labels) => {
    const plan = planSheet(getForm(id));
    const texts = new Set(plan.cells.filter((c) => c.role === 'label').map((c) => normalizeText(String(c.value))));
    expect(labels.filter((l) => !texts.has(normalizeText(l)))).toEqual([]);
  });

  it.each(Object.entries(NOTICE_CHOICES))('%s offers the notices □ choices as lists', (id, choices) => {
    const fields = allCells(getForm(id)).flatMap((c) => (c.kind === 'input' ? [c.field] : []));
    for (const [fieldId, options] of Object.entries(choices)) {
      const field = fields.find((f) => f.id === fieldId);
      expect(field?.type).toBe('choice');
      expect(field?.type === 'choice' && field.options).toEqual(options);
    }
  });

  it('offers the usual unit types for 单位性质, which the notice leaves free', () => {
    const field = allCells(getForm('studio-application'))
      .flatMap((c) => (c.kind === 'input' ? [c.field] : []))
      .find((f) => f.id === 'unitType');
    expect(field).toMatchObject({ type: 'choice', source: 'common' });
    expect(field?.type === 'choice' && field.options).toEqual(expect.arrayContaining(['民营企业', '国有企业', '外商投资企业']));
  });

  it('puts every label beside or above its input as the notice does (application: name, then type)', () => {
    const plan = planSheet(getForm('studio-application'));
    const at = (text: string) => plan.cells.find((c) => c.value === text);
    const slot = (key: string) => plan.slots.find((s) => s.key === key);
    expect(slot('studioName')).toMatchObject({ row: at('工作室名称')?.row, col: 1 });
    expect(slot('studioType')?.row).toBe(at('申报类型（勾选）')?.row);
    expect(slot('members[0].name')?.row).toBe((at('姓名')?.row ?? -9) + 1);
    expect(slot('introduction')?.row).toBe((at('工作室介绍（800字左右，包括主要技术创新成果）:')?.row ?? -9) + 1);
  });
});

describe('the form schema rejects broken definitions', () => {
  const base = () => cloneForm(getForm('festival-project'));

  it('a duplicate field id', () => {
    const form = base();
    form.bands[0].rows[4].cells[1].field.id = 'projectName';
    expect(() => parseFormDefinition(form)).toThrow(/duplicate field id projectName/);
  });

  it('a template naming an unknown parameter', () => {
    const form = base();
    form.name = '第{session:cn}届';
    expect(() => parseFormDefinition(form)).toThrow(/unknown param \{session\}/);
  });

  it('a cell running past the grid', () => {
    const form = base();
    form.bands[0].rows[3].cells[1].colSpan = 9;
    expect(() => parseFormDefinition(form)).toThrow(/overruns the grid/);
  });

  it('a sheet name Excel forbids', () => {
    const form = base();
    form.sheetName = '申报表/2017';
    expect(() => parseFormDefinition(form)).toThrow(/sheetName/);
  });

  it('an unknown field type and an unknown key', () => {
    const form = base();
    form.bands[0].rows[3].cells[1].field.type = 'money';
    expect(() => parseFormDefinition(form)).toThrow(/invalid/);
    const other = base();
    other.colour = 'red';
    expect(() => parseFormDefinition(other)).toThrow(/colour/);
  });

  it('cells that overlap are caught when the form is laid out', () => {
    const form = base();
    form.bands[0].rows[3].cells[0].rowSpan = 2;
    form.bands[0].rows[3].cells[0].colSpan = 1;
    expect(() => planSheet(parseFormDefinition(form))).toThrow(/overlaps/);
  });
});
