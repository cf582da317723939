import { cellText, toHalfWidth } from '../cell-value';
import type { SheetToCheck } from '../check-sheets';
import type { FormDefinition } from '../form-schema';
import { planSheet } from '../layout';
import { sheetMarker } from '../marker';
import type { Catalogue } from '../notice-catalogue';
import type { ParamOverrides } from '../params';
import { labelKey } from '../read/label-index';
import { parseChineseNumeral, placeholdersIn, type Placeholder } from '../templates';

export interface Recognition {
  form: FormDefinition;
  params: ParamOverrides;
  method: 'marker' | 'labels';
  /** 1 for a marker; for labels, the share of the form's labels found in the sheet. */
  confidence: number;
  version: number | null;
}

export type RecognitionResult = { ok: true; recognition: Recognition } | { ok: false; reason: string };

/** Rows searched for the marker cell (the first, then the few a clerk may have inserted above the form). */
const MARKER_SCAN_ROWS = 6;

/** A sheet counts as a retyped form when this share of the form's own labels is found in it. */
export const LABEL_MATCH_THRESHOLD = 0.75;
const squash = (text: string) => toHalfWidth(text).replace(/[\s:：()（）]/g, '');

/** Labels that name a form whatever its year or edition (titles and notes with numbers vary), per form version. */
const signatures = new WeakMap<FormDefinition, Set<string>>();

function signatureOf(form: FormDefinition): Set<string> {
  let found = signatures.get(form);
  if (!found) {
    found = new Set(
      planSheet(form)
        .cells.filter((c) => c.role === 'label' && typeof c.value === 'string')
        .map((c) => squash(String(c.value)))
        .filter((t) => t.length >= 2 && !/\d|第.届/.test(t)),
    );
    signatures.set(form, found);
  }
  return found;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A form's title as a pattern: its words as typed (spaces and widths aside), each parameter captured. */
function titlePattern(form: FormDefinition): { pattern: RegExp; params: (Placeholder | undefined)[] } {
  const parts: string[] = [];
  const params: (Placeholder | undefined)[] = [];
  let last = 0;
  const name = form.name;
  for (const m of name.matchAll(/\{([a-zA-Z][a-zA-Z0-9]*)(?::([a-z]+))?\}/g)) {
    parts.push(escapeRegExp(labelKey(name.slice(last, m.index))));
    const [ph] = placeholdersIn(m[0]);
    if (ph?.format === 'cn') parts.push('([一二三四五六七八九十]{1,3}|\\d{1,2})');
    else if (ph?.format === undefined) parts.push('(\\d{1,4})');
    else parts.push('(.*?)');
    params.push(ph);
    last = (m.index ?? 0) + m[0].length;
  }
  parts.push(escapeRegExp(labelKey(name.slice(last))));
  return { pattern: new RegExp(parts.join('')), params };
}

/**
 * 届次 and 年份 of a sheet without a marker, from its title only (一 to 九十九, or digits): never from an answer
 * such as "2016年度工作总结".
 */
export function paramsFromTitle(grid: SheetToCheck['grid'], form: FormDefinition): ParamOverrides {
  const { pattern, params } = titlePattern(form);
  if (params.length === 0) return {};
  for (const row of grid) {
    for (const v of row ?? []) {
      if (typeof v !== 'string' || v.length > 200) continue;
      const m = pattern.exec(labelKey(v));
      if (!m) continue;
      const found: Record<string, number> = {};
      params.forEach((ph, i) => {
        const text = m[i + 1];
        if (!ph || text === undefined || ph.format === 'md' || ph.format === 'ymd') return;
        const n = /^\d+$/.test(text) ? Number(text) : parseChineseNumeral(text);
        if (n !== undefined) found[ph.param] = n;
      });
      return found;
    }
  }
  return {};
}

/**
 * Which form a sheet holds, of the catalogue's: by its marker (read against the version the marker names), or —
 * retyped by hand or stripped by a tool — by its title and labels (against the version they match best).
 */
export function recogniseSheet(sheet: SheetToCheck, catalogue: Catalogue): RecognitionResult {
  // The marker cell moves down with the form when a clerk inserts rows above it; a .csv keeps it only as a cell.
  let marker = sheetMarker(sheet.nameValues, sheet.grid[0]);
  for (let row = 1; !marker && row < MARKER_SCAN_ROWS; row++) marker = sheetMarker([], sheet.grid[row]);
  if (marker) {
    const form = catalogue.findForm(marker.formId, marker.version);
    if (!form) return { ok: false, reason: `未知的表格“${marker.formId}”，请升级工会表格助手。` };
    return { ok: true, recognition: { form, params: marker.params, method: 'marker', confidence: 1, version: marker.version } };
  }
  const texts = new Set<string>();
  for (const row of sheet.grid) for (const v of row ?? []) if (typeof v === 'string' && v.trim()) texts.add(squash(cellText(v)));
  let best: { form: FormDefinition; score: number } | undefined;
  // Newest version first within each form: of equal matches, the newer layout wins.
  for (const form of catalogue.allVersions) {
    const labels = signatureOf(form);
    let found = 0;
    for (const l of labels) if (texts.has(l)) found++;
    const score = labels.size ? found / labels.size : 0;
    if (!best || score > best.score) best = { form, score };
  }
  if (!best || best.score < LABEL_MATCH_THRESHOLD) {
    return {
      ok: false,
      reason: sheet.grid.some((row) => row?.some((v) => v !== null && v !== undefined && String(v).trim() !== ''))
        ? '不是本系统的官方表格（没有标记，标题和栏目也对不上）。'
        : '空白工作表。',
    };
  }
  return {
    ok: true,
    recognition: {
      form: best.form,
      params: paramsFromTitle(sheet.grid, best.form),
      method: 'labels',
      confidence: best.score,
      version: null,
    },
  };
}
