/**
 * Calls to WPS per form insert, counted on the fake ET (each property read, property write and method call is one
 * cross-process call: counted.ts). Run:
 *   node -r ./test/hostile/register-ts.js test/fake-wps/insert-figures.ts
 * Prints one row per form of the catalogue: planned cells, then calls where WPS does all a VBA host does (kind) and
 * where it refuses every unknown (worst), the calls a list row adds, and the members called most.
 */
import { planSheet } from '../../src/core/layout';
import { insertFormWps } from '../../src/hosts/wps/insert-form';
import { FORMS } from '../../src/notices';
import { KIND_CASE, WORST_CASE, type EtBehaviours } from './behaviours';
import { FakeEt } from './fake-et';

function calls(plan: ReturnType<typeof planSheet>, behaviours: EtBehaviours): FakeEt {
  const et = new FakeEt({ behaviours });
  insertFormWps(et.app, plan);
  return et;
}

const rows: string[][] = [['form', 'cells', 'calls (kind)', 'calls (worst)', 'per added list row', 'most called']];
for (const form of FORMS) {
  const plan = planSheet(form);
  const kind = calls(plan, KIND_CASE);
  const worst = calls(plan, WORST_CASE);
  let perRow = '—';
  if (plan.tables.length > 0) {
    const sized = (n: number) => planSheet(form, { tableRows: Object.fromEntries(plan.tables.map((t) => [t.id, Math.min(n, t.maxRows)])) });
    perRow = ((calls(sized(40), KIND_CASE).calls - calls(sized(10), KIND_CASE).calls) / 30).toFixed(1);
  }
  const most = [...kind.counter.byMember]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([m, n]) => `${m} ${n}`)
    .join(', ');
  rows.push([form.id, String(plan.cells.length), String(kind.calls), String(worst.calls), perRow, most]);
}
const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  '));
console.log('\nAt ~0.2 ms a call (aiworkdeck wpsEtHandlers.js header), 1,000 calls take about 0.2 s.');
