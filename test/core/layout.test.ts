import { rangeAddress } from '../../src/core/a1';
import { planSheet, slotKey } from '../../src/core/layout';
import { parseMarker } from '../../src/core/marker';
import { uniqueSheetName } from '../../src/core/sheet-names';
import { FORMS, getForm } from '../../src/notices';

describe('laying out a form', () => {
  it.each(FORMS.map((f) => [f.id, f]))('%s: inputs are unlocked, labels locked, each input has its rule and message', (_id, form) => {
    const plan = planSheet(form);
    for (const cell of plan.cells) expect(cell.style.locked).toBe(cell.role === 'label');
    const inputs = plan.cells.filter((c) => c.role === 'input').map((c) => `${c.row}:${c.col}`);
    expect(plan.slots.map((s) => `${s.row}:${s.col}`)).toEqual(inputs);
    expect(plan.validations.map((v) => `${v.row}:${v.col}`)).toEqual(inputs);
    for (const { validation } of plan.validations) {
      expect(validation.prompt.length).toBeGreaterThan(0);
      expect(validation.prompt.length).toBeLessThanOrEqual(255);
      expect(validation.promptTitle.length).toBeLessThanOrEqual(32);
      if (validation.rule?.kind === 'list') expect(`"${validation.rule.options.join(',')}"`.length).toBeLessThanOrEqual(255);
    }
  });

  it.each(FORMS.map((f) => [f.id, f]))('%s: the marker sits just right of the printed area and names the form', (_id, form) => {
    const plan = planSheet(form);
    expect(plan.marker.col).toBe(plan.area.right + 1);
    expect(plan.print.area).toEqual(plan.area);
    expect(parseMarker(plan.marker.text)).toMatchObject({ formId: form.id, version: form.version });
  });

  it('grows a list and moves what follows it down', () => {
    const form = getForm('studio-application');
    const small = planSheet(form);
    const big = planSheet(form, { tableRows: { members: 20 } });
    const members = (p: typeof small) => p.slots.filter((s) => s.tableId === 'members');
    expect(members(small)).toHaveLength(8 * 6);
    expect(members(big)).toHaveLength(20 * 6);
    const intro = (p: typeof small) => p.slots.find((s) => s.key === 'introduction')?.row ?? -1;
    expect(intro(big) - intro(small)).toBe(12);
    expect(big.area.bottom - small.area.bottom).toBe(12);
    expect(slotKey('name', 'members', 19)).toBe('members[19].name');
    expect(big.slots.some((s) => s.key === 'members[19].name')).toBe(true);
  });

  it('refuses a list longer than the form allows, in Chinese', () => {
    expect(() => planSheet(getForm('studio-application'), { tableRows: { members: 61 } })).toThrow(/工作室其他成员.*1到60/);
    expect(() => planSheet(getForm('studio-application'), { tableRows: { members: 0 } })).toThrow(/行数/);
  });

  it('prefills 序号 where the notice prints numbers, and repeats list headers on printed pages', () => {
    const plan = planSheet(getForm('studio-summary'));
    const seq = plan.slots.filter((s) => s.field.id === 'seq');
    const values = seq.map((s) => plan.cells.find((c) => c.row === s.row && c.col === s.col)?.value);
    expect(values).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const table = plan.tables[0];
    expect(plan.print.titleRows).toEqual({ top: table?.headerTop, bottom: table?.headerBottom });
    const theme = planSheet(getForm('yangpu-theme-activity'));
    expect(
      theme.slots
        .filter((s) => s.field.id === 'seq')
        .every((s) => theme.cells.find((c) => c.row === s.row && c.col === s.col)?.value === null),
    ).toBe(true);
  });

  it('spans the festival side label over the whole statistics table, written vertically', () => {
    const plan = planSheet(getForm('festival-stats'));
    const side = plan.cells.find((c) => String(c.value).endsWith('期间组织开展群众性科技创新活动情况'));
    expect(side?.style.vertical).toBe(true);
    expect(side?.rowSpan).toBe(21);
    expect(plan.merges.map(rangeAddress)).toContain(`A4:A24`);
  });
});

describe('sheet names', () => {
  it('never reuse an existing name, whatever its case', () => {
    expect(uniqueSheetName('申请表', ['Sheet1'])).toBe('申请表');
    expect(uniqueSheetName('申请表', ['申请表'])).toBe('申请表 (2)');
    expect(uniqueSheetName('申请表', ['申请表', '申请表 (2)'])).toBe('申请表 (3)');
    expect(uniqueSheetName('Form', ['FORM'])).toBe('Form (2)');
    const long = 'x'.repeat(40);
    const second = uniqueSheetName(long, [long.slice(0, 31)]);
    expect(second).toHaveLength(31);
    expect(second.endsWith(' (2)')).toBe(true);
  });
});
