import { planSheet, type PlanOptions } from '../../src/core/layout';
import type { SheetPlan } from '../../src/core/sheet-plan';
import { getForm } from '../../src/notices';
import { writeFormsWorkbook } from '../../src/hosts/xlsx/write-workbook';

const cache = new Map<string, Promise<{ plan: SheetPlan; data: Uint8Array }>>();

/** Renders a form once per test file (rendering is the slow part). */
export function rendered(formId: string, options: PlanOptions = {}): Promise<{ plan: SheetPlan; data: Uint8Array }> {
  const key = `${formId}:${JSON.stringify(options)}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = (async () => {
      const plan = planSheet(getForm(formId), options);
      return { plan, data: await writeFormsWorkbook([plan]) };
    })();
    cache.set(key, hit);
  }
  return hit;
}
