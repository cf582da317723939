import { readForm } from '../../src/core/read/read-form';
import { readSheet } from '../../src/core/read/read-sheet';
import { checkForm } from '../../src/core/rules/check-form';
import { HIGHLIGHT, wantedHighlights } from '../../src/core/rules/highlights';
import { CATALOGUE, getForm } from '../../src/notices';
import { filledGrid, goodApplication, TODAY } from '../support/filled-form';

/** The 申请表 with only the first field typed, as a clerk starts it. */
const started = () => filledGrid('studio-application', { studioName: '张三职工创新工作室', postcode: '2011' });
const check = (unfilled?: 'error' | 'pending') =>
  checkForm(readForm(getForm('studio-application'), started()), { today: TODAY, ...(unfilled ? { unfilled } : {}) });

describe('a started form does not alarm too early (issue 11 §5)', () => {
  it('while filling in, required cells still empty are 未填: listed, not errors, not painted; a wrong value is red at once', () => {
    const problems = check('pending');
    const errors = problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => p.key)).toEqual(['postcode']);
    const unfilled = problems.filter((p) => p.unfilled);
    expect(unfilled.length).toBeGreaterThan(5);
    expect(unfilled.every((p) => p.severity === 'info')).toBe(true);
    expect(unfilled.map((p) => p.key)).toContain('specialty');
    const wanted = wantedHighlights(problems);
    expect([...wanted.values()]).toEqual([HIGHLIGHT.error]);
    expect(wanted.has(errors[0]!.cell)).toBe(true);
  });

  it('by default (the merge, the CLI, 检查全部) a required cell left empty stays an error, and no problem is marked 未填', () => {
    const problems = check();
    expect(problems).toEqual(check('error'));
    expect(problems.some((p) => p.unfilled)).toBe(false);
    expect(problems.filter((p) => p.key === 'specialty')).toEqual([
      expect.objectContaining({ severity: 'error', message: '必填：请填写工作室技术专长。' }),
    ]);
    expect(wantedHighlights(problems).size).toBeGreaterThan(5);
  });

  it('the merge path (readSheet) keeps reporting required fields as errors', () => {
    const read = readSheet(
      { name: '申请表', grid: filledGrid('studio-application', { ...goodApplication(), specialty: null }), nameValues: [] },
      TODAY,
      CATALOGUE,
    );
    if (!read.ok) throw new Error(read.reason);
    expect(read.problems.filter((p) => p.key === 'specialty')).toEqual([expect.objectContaining({ severity: 'error' })]);
    expect(read.problems.some((p) => p.unfilled)).toBe(false);
  });

  it('a complete form has nothing 未填, and the same problems in both modes', () => {
    const reading = readForm(getForm('studio-application'), filledGrid('studio-application', goodApplication()));
    expect(checkForm(reading, { today: TODAY, unfilled: 'pending' })).toEqual(checkForm(reading, { today: TODAY }));
  });
});
