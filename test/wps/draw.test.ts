/**
 * Inserting a form through the WPS adapter on the fake ET: a unique sheet name, the clerk's sheets never written,
 * everything checked before the first call, and a failure at any step undone.
 */
import { UserError } from '../../src/core/errors';
import { planSheet } from '../../src/core/layout';
import type { SheetPlan } from '../../src/core/sheet-plan';
import { insertFormWps } from '../../src/hosts/wps/insert-form';
import { FORMS } from '../../src/notices';
import { KIND_CASE } from '../fake-wps/behaviours';
import { FakeEt } from '../fake-wps/fake-et';
import { cellKey } from '../fake-wps/state';

const form = FORMS.find((f) => f.id === 'yangpu-theme-activity');
if (!form) throw new Error('form missing from the catalogue');
const plan = planSheet(form);

/** A clerk's workbook: a sheet of her own, with a value, shown. */
function clerksWorkbook(behaviours = KIND_CASE) {
  const et = new FakeEt({ behaviours, sheets: ['我的数据', plan.sheetName] });
  et.type('我的数据', 'B2', '她自己的表');
  et.select('我的数据', 'B2');
  return et;
}

function contentOf(et: FakeEt) {
  return et.workbook.sheets.map((s) => ({ name: s.name, cells: JSON.stringify([...s.cells]), merges: JSON.stringify(s.merges) }));
}

describe('insertFormWps', () => {
  it('adds the form after the last sheet under a name no sheet has, shown, and leaves the other sheets as they were', () => {
    const et = clerksWorkbook();
    const before = contentOf(et);
    const inserted = insertFormWps(et.app, plan);
    expect(inserted.sheetName).toBe(`${plan.sheetName} (2)`);
    expect(inserted.sheetId).toBe(inserted.sheetName);
    expect(et.workbook.sheets.map((s) => s.name)).toEqual(['我的数据', plan.sheetName, inserted.sheetName]);
    expect(et.workbook.activeSheet?.name).toBe(inserted.sheetName);
    expect(contentOf(et).slice(0, 2)).toEqual(before);
    expect(et.displayAlerts).toBe(true);
    expect(et.screenUpdating).toBe(true);
    expect(et.prompts).toEqual([]);
  });

  it.each([
    ['Range.Merge()', 3],
    ['Range.Value2=', 1],
    ['Border.LineStyle=', 5],
    ['Validation.Add()', 2],
    ['Worksheet.Protect()', 1],
  ])('undoes a failure at the %s call (#%d): the new sheet deleted, the sheet shown before shown again', (member, nth) => {
    const et = clerksWorkbook();
    const before = contentOf(et);
    et.failOn(member, nth);
    let error: unknown;
    try {
      insertFormWps(et.app, plan);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(/^插入“.+”失败，已撤销：WPS 表格没有完成“.+”这一步。/);
    expect(contentOf(et)).toEqual(before);
    expect(et.workbook.activeSheet?.name).toBe('我的数据');
    expect(et.displayAlerts).toBe(true);
    expect(et.screenUpdating).toBe(true);
  });

  it('says so, in Chinese, when the half-drawn sheet cannot be removed either', () => {
    const et = clerksWorkbook();
    et.failOn('Range.Value2=');
    et.failOn('Worksheet.Delete()');
    expect(() => insertFormWps(et.app, plan)).toThrow(/且未能撤销.*请删除它。$/);
  });

  it("leaves out a conditional format the host refuses, keeps the others in the plan's order, and says how many", () => {
    const et = new FakeEt({ behaviours: KIND_CASE });
    et.failOn('FormatConditions.Add()', 2);
    const inserted = insertFormWps(et.app, plan);
    expect(inserted.refusedConditions).toBe(1);
    expect(inserted.skipped).toEqual([]);
    // Added last to first, so the second added is the plan's second to last.
    const refused = plan.conditionalFormats[plan.conditionalFormats.length - 2];
    const kept = plan.conditionalFormats.filter((r) => r !== refused).map((r) => `=${r.formula}`);
    expect(et.sheet(inserted.sheetName)?.conditions.map((c) => c.formula1)).toEqual(kept);
  });

  it('refuses a plan ET would refuse half-way before making a single call', () => {
    const et = clerksWorkbook();
    const bad: SheetPlan = {
      ...plan,
      validationAreas: plan.validationAreas.map((a, i) =>
        i === 0 ? { ...a, validation: { ...a.validation, rule: { kind: 'list', options: ['是', 'x'.repeat(300)] } } } : a,
      ),
    };
    const calls = et.calls;
    expect(() => insertFormWps(et.app, bad)).toThrow(/下拉列表长302个字符（Excel 最多255个）。没有写入任何内容。$/);
    expect(et.calls).toBe(calls);
  });

  it('keeps text that looks like a number, a date or a formula as text, never as a formula', () => {
    const et = new FakeEt({ behaviours: KIND_CASE });
    const cell = plan.cells.find((c) => c.role === 'label' && c.style.numFmt !== '@');
    if (!cell) throw new Error('no label in a general cell');
    const texts = ['2018', '2018-6-1', '=1+1', "'quoted"];
    for (const text of texts) {
      const tricky: SheetPlan = { ...plan, cells: plan.cells.map((c) => (c === cell ? { ...c, value: text } : c)) };
      const inserted = insertFormWps(et.app, tricky);
      const stored = et.sheet(inserted.sheetName)?.cells.get(cellKey(cell.row, cell.col));
      expect(stored?.formula).toBeUndefined();
      expect(stored?.value).toBe(text);
    }
  });

  it('tells live checking when its own writes start and end, around every write', () => {
    const et = clerksWorkbook();
    let open = false;
    const seenWhileOpen: boolean[] = [];
    et.app.ApiEvent.AddApiEventListener('SheetChange', () => seenWhileOpen.push(open));
    insertFormWps(et.app, plan, {
      ownWrites: {
        begin: () => {
          open = true;
          return () => {
            open = false;
          };
        },
      },
    });
    // The fake fires SheetChange on the add-in's own Value2 write (behaviours.sheetChangeOnJsWrite).
    expect(seenWhileOpen).toEqual([true]);
    expect(open).toBe(false);
  });
});
