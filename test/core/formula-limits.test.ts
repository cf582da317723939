import {
  FORMULA_MAX_LENGTH,
  FUNCTION_NESTING_MAX,
  formulaLimitMessage,
  inlineListFits,
  limitsPassed,
  measureFormula,
} from '../../src/core/formula-limits';

/** f(f(…f(A1)…)) with n calls, written by hand here rather than by the code under test. */
const nested = (n: number, name = 'ABS'): string => `${name}(`.repeat(n) + 'A1' + ')'.repeat(n);

describe("Excel's formula limits", () => {
  it('counts nesting as function calls inside function calls, not brackets, quotes or array constants', () => {
    expect(measureFormula('A1+1').nesting).toBe(0);
    expect(measureFormula('IF(A1,1,2)').nesting).toBe(1);
    expect(measureFormula('=IF(ISERROR(A1),1,2)').nesting).toBe(2);
    // Brackets alone group; they are no function.
    expect(measureFormula('((A1+1))*(2)').nesting).toBe(0);
    expect(measureFormula('SUMPRODUCT(--(LEFT(A1,2)="ab"))').nesting).toBe(2);
    // Brackets in a text constant or a sheet's name are text.
    expect(measureFormula('LEN("((((")+SUM(\'a(b\'!A1:A2)').nesting).toBe(1);
    expect(measureFormula('OR(A1={"(","x"})').nesting).toBe(1);
    // Siblings are not nested: the deepest chain counts.
    expect(measureFormula('AND(ABS(A1),ABS(ABS(A1)),ABS(A1))').nesting).toBe(3);
    expect(measureFormula(nested(64)).nesting).toBe(64);
    // Names with dots and digits (ERROR.TYPE, LOG10) call functions too.
    expect(measureFormula('ERROR.TYPE(LOG10(A1))').nesting).toBe(2);
  });

  it('measures the length without the leading "=", and text constants with doubled quotes counted once', () => {
    expect(measureFormula('=LEN(A1)').length).toBe(7);
    expect(measureFormula('"a""b"&"cc"').longestText).toBe(3);
    expect(measureFormula(`"${'x'.repeat(256)}"`).longestText).toBe(256);
  });

  it('passes a formula at the limits and names each limit gone past', () => {
    expect(limitsPassed(nested(FUNCTION_NESTING_MAX))).toEqual([]);
    expect(limitsPassed(nested(FUNCTION_NESTING_MAX + 1))).toEqual(['nesting']);
    const atLength = `A1+${'1+'.repeat((FORMULA_MAX_LENGTH - 4) / 2)}1`;
    expect(atLength.length).toBe(FORMULA_MAX_LENGTH);
    expect(limitsPassed(atLength)).toEqual([]);
    expect(limitsPassed(`${atLength}1`)).toEqual(['length']);
    expect(limitsPassed(`LEN("${'x'.repeat(255)}")`)).toEqual([]);
    expect(limitsPassed(`LEN("${'x'.repeat(256)}")`)).toEqual(['text']);
    expect(formulaLimitMessage(`${atLength}1`)).toContain('8193 characters');
    expect(formulaLimitMessage('A1')).toBeUndefined();
  });

  it('takes a typed validation list of up to 255 characters, commas included', () => {
    expect(inlineListFits(['a'.repeat(127), 'b'.repeat(127)])).toBe(true);
    expect(inlineListFits(['a'.repeat(127), 'b'.repeat(128)])).toBe(false);
  });
});
