import { formulaLimitMessage } from '../../src/core/formula-limits';
import { FakeExcelError } from './errors';

/**
 * Excel's formula limits (src/core/formula-limits.ts, from Microsoft's "Excel specifications and limits": 8,192
 * characters, 64 levels of nested functions; a text constant of 255) applied where the fake takes a formula. Excel
 * refuses such a formula as typed; in a file it "repairs" the rule away. No page says which error code Office.js
 * gives for it: InvalidArgument, the code of an argument that "is invalid or missing or has an incorrect format"
 * (Office.js error list), is assumed.
 */
export function refuseFormulaPastLimits(formula: string): void {
  const why = formulaLimitMessage(formula);
  if (why) throw new FakeExcelError('InvalidArgument', `The argument is invalid or missing or has an incorrect format: ${why}.`);
}
