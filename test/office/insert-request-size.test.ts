import { planSheet } from '../../src/core/layout';
import type { FormDefinition } from '../../src/core/form-schema';
import { detectApiSupport } from '../../src/hosts/office/api-support';
import { insertForm } from '../../src/hosts/office/insert-form';
import { OwnWrites } from '../../src/hosts/office/own-writes';
import { FORMS } from '../../src/notices';
import { hostFor, PLATFORMS } from '../fake-excel/platforms';

/**
 * Inserting a form as Excel on the web takes it: the drawing's request (its calls, objects and values, counted as
 * Microsoft's performance page counts them: test/fake-excel/host.ts) under the 5 MB a request may carry, with every
 * list at the most rows its form allows. Drawn cell by cell, a 120-row list was past 5 MB (issue 22).
 */
const web = PLATFORMS.find((p) => p.name === 'web');
if (!web) throw new Error('no web profile');

const FIVE_MB = 5 * 1024 * 1024;
const longest = (form: FormDefinition) => Object.fromEntries(form.bands.flatMap((b) => (b.kind === 'table' ? [[b.id, b.maxRows]] : [])));

describe('inserting a form in one request under Excel on the web’s 5 MB', () => {
  const forms = FORMS.filter((f) => f.bands.some((b) => b.kind === 'table'));

  it.each(forms.map((f) => [f.id, f] as const))('%s with every list at its most rows', async (_id, form) => {
    const host = hostFor(web, {});
    host.state.addSheet('Sheet1');
    const support = detectApiSupport((set, v) => host.isSetSupported(set, v));
    const plan = planSheet(form, { tableRows: longest(form) });
    const inserted = await host.run((ctx) => insertForm(ctx, plan, support, new OwnWrites()));
    expect(inserted.sheetName).toBe(plan.sheetName);
    const largest = Math.max(...host.requestBytes);
    if (process.env.PRINT_FIGURES)
      console.log(`${form.id}: ${plan.area.bottom + 1} rows, largest request ${(largest / 1024).toFixed(0)} KB`);
    // a quarter of the limit: room for longer forms than ours before a drawing must be split over syncs
    expect(largest).toBeLessThan(FIVE_MB / 4);
  });
});
