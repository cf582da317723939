import { conditionalFormatsFor, fieldFormulas, formulaString } from '../../src/core/conditional-formats';
import type { Field } from '../../src/core/form-schema';
import { planSheet } from '../../src/core/layout';
import { HIGHLIGHT } from '../../src/core/rules/highlights';
import { FORMS, getForm } from '../../src/notices';

describe('conditional formatting from the definition', () => {
  it.each(FORMS.map((f) => [f.id, f]))('%s: every rule is an English formula without "=", on input cells only', (_id, form) => {
    const plan = planSheet(form);
    expect(plan.conditionalFormats.length).toBeGreaterThan(0);
    const inputs = new Set(plan.slots.map((s) => `${s.col}:${s.row}`));
    for (const rule of plan.conditionalFormats) {
      expect(rule.formula.startsWith('=')).toBe(false);
      expect(rule.formula.length).toBeLessThanOrEqual(8192);
      expect(rule.fill).toBe(HIGHLIGHT[rule.severity]);
      const m = /^([A-Z]+)(\d+)(?::\1(\d+))?$/.exec(rule.range);
      expect(m).not.toBeNull();
      // The formula names the range's own top-left cell relatively: Excel and LibreOffice shift it over the range.
      const topLeft = `${m?.[1]}${m?.[2]}`;
      expect(rule.formula).toMatch(new RegExp(`(^|[^$A-Z])${topLeft}([^0-9]|$)`));
      const col = m?.[1] as string;
      const first = Number(m?.[2]);
      const last = Number(m?.[3] ?? m?.[2]);
      const colIndex = [...col].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      for (let r = first; r <= last; r++) expect(inputs.has(`${colIndex}:${r - 1}`)).toBe(true);
    }
    // Errors before warnings: where both hold, the first rule's fill (red) shows.
    const severities = plan.conditionalFormats.map((r) => r.severity);
    expect(severities).toEqual([...severities].sort((a, b) => (a === b ? 0 : a === 'error' ? -1 : 1)));
  });

  it('writes 巾帼工作室 → 女 and 技师工作室 → 技师/高级技师 on the leader’s cells, naming 申报类型 absolutely', () => {
    const plan = planSheet(getForm('studio-application'));
    const oneOf = plan.conditionalFormats.filter((r) => r.source === 'oneOf');
    expect(oneOf.map((r) => [r.field, r.range, r.severity])).toEqual([
      ['leaderSex', 'B13', 'error'],
      ['leaderSkill', 'B15', 'error'],
    ]);
    // 申报类型 as the add-in reads a choice (ticked, or a beginning only one option has: 巾帼), named absolutely.
    expect(oneOf[0]?.formula).toContain('TRIM($B$5),2,999)),TRIM($B$5))="巾帼工作室"');
    expect(oneOf[0]?.formula).toContain('FIND({"☑巾帼工作室"},');
    expect(oneOf[0]?.formula).toContain('TRIM(MID(TRIM(B13),2,999)),TRIM(B13))="女"');
    expect(oneOf[1]?.formula).toContain('FIND({"☑技师","☑高级技师"},');
  });

  it('checks 是/数量 consistency on the count, not red while the count is blank', () => {
    const plan = planSheet(getForm('studio-application'));
    const rule = plan.conditionalFormats.find((r) => r.source === 'flagAndCount' && r.field === 'patentInventionCount');
    expect(rule).toMatchObject({ range: 'E9', severity: 'error' });
    expect(rule?.formula).toContain('LEN(TRIM(E9))>0');
    // The flag as the add-in reads a check box: √, and 有, ☑, x… too.
    expect(rule?.formula).toContain('={"是","√","✓","✔","☑","有","y","yes","1","true","√","x","■"}');
    expect(rule?.formula).toContain('TRIM($B$9)');
  });

  it('covers a list column from its first to its last row, relative to the first row; a sibling by $column and row', () => {
    const plan = planSheet(getForm('studio-application'), { tableRows: { members: 12 } });
    const years = plan.conditionalFormats.find((r) => r.source === 'yearsForAge' && r.field === 'members.years');
    expect(years?.range).toBe('F21:F32');
    expect(years?.formula).toMatch(
      /^IFERROR\(AND\(AND\(IF\(ISNUMBER\(\$B21\),\$B21,.*<=80\),AND\(IF\(ISNUMBER\(F21\),F21,.*<=65\),.*-16\),FALSE\)$/,
    );
    const unique = planSheet(getForm('studio-summary')).conditionalFormats.find((r) => r.source === 'unique');
    expect(unique?.formula).toContain('SUMPRODUCT(--EXACT(SUBSTITUTE(SUBSTITUTE($C$12:C12,');
  });

  it('spells text limits, postcodes and list values from the definition, escaping quotes', () => {
    expect(formulaString('a"b')).toBe('"a""b"');
    const choice = {
      id: 'x',
      label: 'x',
      type: 'choice',
      options: ['甲"乙', '丙'],
      required: false,
      remindIfBlank: false,
      source: 'notice',
    };
    expect(fieldFormulas(choice as Field, 'C3')[0]?.formula).toContain('TRIM(C3))="甲""乙",');
    expect(fieldFormulas(choice as Field, 'C3')[0]?.formula).toContain('FIND({"☑甲""乙","☑丙"},');
    const text = { id: 't', label: 't', type: 'text', maxLength: 50, required: true, remindIfBlank: false };
    expect(fieldFormulas(text as Field, 'D4')[0]?.formula).toMatch(/>50,TRUE\)\)\)$/);
    const plan = planSheet(getForm('yangpu-theme-activity'));
    expect(plan.conditionalFormats.find((r) => r.source === 'maxLength')).toMatchObject({ range: 'E5:E14', field: 'activities.content' });
  });

  it('is not planned when only the slots are asked for', () => {
    expect(planSheet(getForm('studio-application'), { slotsOnly: true }).conditionalFormats).toEqual([]);
    expect(conditionalFormatsFor(getForm('studio-application'), planSheet(getForm('studio-application'))).length).toBeGreaterThan(0);
  });
});

describe('data-validation areas', () => {
  it.each(FORMS.map((f) => [f.id, f]))('%s: one area per field, none overlapping, covering exactly the input cells', (_id, form) => {
    const plan = planSheet(form, {
      tableRows: Object.fromEntries(form.bands.flatMap((b) => (b.kind === 'table' ? [[b.id, b.maxRows]] : []))),
    });
    const covered = new Map<string, unknown>();
    for (const { range, validation } of plan.validationAreas) {
      for (let r = range.top; r <= range.bottom; r++) {
        for (let c = range.left; c <= range.right; c++) {
          expect(covered.has(`${r}:${c}`)).toBe(false);
          covered.set(`${r}:${c}`, validation);
        }
      }
    }
    expect(new Map(plan.validations.map((v) => [`${v.row}:${v.col}`, v.validation]))).toEqual(covered);
  });
});
