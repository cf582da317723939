import { identityText } from './resends';
import { unitKey } from './roster';

/**
 * What names one record of a form across returns: the form, the unit (normalised as the roster is) and the fields
 * the form declares (活动项目名称, 工作室名称). Only a later return with the same key replaces an earlier one.
 */
export function recordKeyText(formId: string, unit: string, identity: readonly string[]): string {
  return [formId, unitKey(unit), ...identity.map(identityText)].join('|');
}

/**
 * Matches the units that sent returns to the roster after normalising both (spaces, widths, a leading 上海市):
 * which roster unit each one is, the matches that needed normalising, and the units not on the roster.
 */
export function matchRoster(
  units: readonly string[],
  roster: readonly string[],
): { matched: Map<string, string>; matches: { unit: string; rosterUnit: string }[]; offRoster: string[] } {
  const byKey = new Map<string, string>();
  for (const u of roster) {
    const name = u.trim();
    if (name && !byKey.has(unitKey(name))) byKey.set(unitKey(name), name);
  }
  const matched = new Map<string, string>();
  const matches: { unit: string; rosterUnit: string }[] = [];
  const offRoster: string[] = [];
  for (const unit of units) {
    const rosterUnit = byKey.get(unitKey(unit));
    if (!rosterUnit) {
      offRoster.push(unit);
      continue;
    }
    matched.set(unit, rosterUnit);
    if (unit !== rosterUnit) matches.push({ unit, rosterUnit });
  }
  return { matched, matches, offRoster };
}
