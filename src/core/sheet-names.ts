export const SHEET_NAME_MAX = 31;

/** `base`, or `base (2)`, `base (3)` … — the first name no existing sheet has (Excel compares names case-insensitively). */
export function uniqueSheetName(base: string, existing: Iterable<string>): string {
  const taken = new Set([...existing].map((n) => n.toLowerCase()));
  const trimmed = base.slice(0, SHEET_NAME_MAX);
  if (!taken.has(trimmed.toLowerCase())) return trimmed;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${base.slice(0, SHEET_NAME_MAX - suffix.length)}${suffix}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}
