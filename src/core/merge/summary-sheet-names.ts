import { uniqueSheetName } from '../sheet-names';

/**
 * The names a merge's summary sheets get in an open workbook, the same for every host that writes them (hosts/office
 * and hosts/wps write-summaries.ts). An earlier summary of the same name is replaced only once the new sheets are
 * complete: until then the new sheet has a temporary name and the earlier one is parked under another.
 */

/** Characters no sheet name may hold become _, and a name cannot start or end with an apostrophe (as in Excel). */
export const safeSheetName = (name: string) =>
  name
    .replace(/[[\]:*?/\\]/g, '_')
    .replace(/^'+|'+$/g, '')
    .trim() || '汇总';

export interface SummarySheetNames {
  /** The name the sheet has in the end. */
  finalName: string;
  /** The name it is made with: its final name, or a temporary one while an earlier summary still holds that. */
  initialName: string;
}

/**
 * Names for new summary sheets wanted as `wanted`, in a workbook whose sheets are `existing`, of which `old` (earlier
 * summaries to be replaced) give up their names.
 */
export function summarySheetNames(
  wanted: readonly string[],
  existing: readonly string[],
  old: readonly { name: string }[],
): SummarySheetNames[] {
  const oldNames = new Set(old.map((o) => o.name.toLowerCase()));
  const taken = existing.filter((n) => !oldNames.has(n.toLowerCase()));
  const finals = wanted.map((sheetName) => {
    const name = uniqueSheetName(safeSheetName(sheetName), taken);
    taken.push(name);
    return name;
  });
  const all = [...existing, ...finals];
  return finals.map((finalName) => {
    let initialName = finalName;
    if (oldNames.has(finalName.toLowerCase())) {
      initialName = uniqueSheetName(`新${finalName}`, all);
      all.push(initialName);
    }
    return { finalName, initialName };
  });
}

/** A parking name for each earlier summary, none of them in `taken`, which is extended with them. */
export function parkingSheetNames(old: readonly { name: string }[], taken: string[]): string[] {
  return old.map((o) => {
    const parking = uniqueSheetName(`旧${o.name}`, taken);
    taken.push(parking);
    return parking;
  });
}
