import { cellText, toHalfWidth } from '../cell-value';
import type { SheetToCheck } from '../check-sheets';
import type { FormDefinition } from '../form-schema';
import { planSheet } from '../layout';
import { sheetMarker } from '../marker';
import type { ParamOverrides } from '../params';
import { parseChineseNumeral } from '../templates';
import { FORMS, findForm } from '../../forms';

export interface Recognition {
  form: FormDefinition;
  params: ParamOverrides;
  method: 'marker' | 'labels';
  /** 1 for a marker; for labels, the share of the form's labels found in the sheet. */
  confidence: number;
  version: number | null;
}

export type RecognitionResult = { ok: true; recognition: Recognition } | { ok: false; reason: string };

/** A sheet counts as a retyped form when this share of the form's own labels is found in it. */
export const LABEL_MATCH_THRESHOLD = 0.75;
const squash = (text: string) => toHalfWidth(text).replace(/[\s:：()（）]/g, '');

/** Labels that name a form whatever its year or edition (titles and notes with numbers vary). */
const signatures = new Map<string, Set<string>>(
  FORMS.map((form) => [
    form.id,
    new Set(
      planSheet(form)
        .cells.filter((c) => c.role === 'label' && typeof c.value === 'string')
        .map((c) => squash(String(c.value)))
        .filter((t) => t.length >= 2 && !/\d|第.届/.test(t)),
    ),
  ]),
);

function paramsFromTitle(texts: string[], form: FormDefinition): ParamOverrides {
  const params: Record<string, number> = {};
  const has = (id: string) => form.params.some((p) => p.id === id);
  for (const t of texts) {
    const edition = /第([一二三四五六七八九十]{1,3})届/.exec(t);
    const n = edition ? parseChineseNumeral(edition[1] as string) : undefined;
    if (n && has('edition') && params.edition === undefined) params.edition = n;
    const year = /(20\d{2})年/.exec(t);
    if (year && has('year') && params.year === undefined) params.year = Number(year[1]);
  }
  if (params.edition !== undefined && params.year === undefined && has('year')) params.year = 2010 + params.edition;
  return params;
}

/** Which form a sheet holds: by its marker, or — retyped by hand or stripped by a tool — by its title and labels. */
export function recogniseSheet(sheet: SheetToCheck): RecognitionResult {
  const marker = sheetMarker(sheet.nameValues, sheet.grid[0]);
  if (marker) {
    const form = findForm(marker.formId);
    if (!form) return { ok: false, reason: `未知的表格“${marker.formId}”，请升级工会表格助手。` };
    return { ok: true, recognition: { form, params: marker.params, method: 'marker', confidence: 1, version: marker.version } };
  }
  const texts = new Set<string>();
  for (const row of sheet.grid) for (const v of row ?? []) if (typeof v === 'string' && v.trim()) texts.add(squash(cellText(v)));
  let best: { form: FormDefinition; score: number } | undefined;
  for (const form of FORMS) {
    const labels = signatures.get(form.id) as Set<string>;
    let found = 0;
    for (const l of labels) if (texts.has(l)) found++;
    const score = labels.size ? found / labels.size : 0;
    if (!best || score > best.score) best = { form, score };
  }
  if (!best || best.score < LABEL_MATCH_THRESHOLD) {
    return { ok: false, reason: texts.size === 0 ? '空白工作表。' : '不是本系统的官方表格（没有标记，标题和栏目也对不上）。' };
  }
  const rawTexts = sheet.grid.flatMap((row) => (row ?? []).filter((v): v is string => typeof v === 'string'));
  return {
    ok: true,
    recognition: { form: best.form, params: paramsFromTitle(rawTexts, best.form), method: 'labels', confidence: best.score, version: null },
  };
}

/**
 * A retyped form may start a row or a column away from where the template puts it: the grid moved so that the
 * first of the form's labels found in it stands where the template has it.
 */
export function alignGrid(form: FormDefinition, grid: SheetToCheck['grid']): SheetToCheck['grid'] {
  const plan = planSheet(form);
  const anchors = plan.cells.filter(
    (c) => c.role === 'label' && typeof c.value === 'string' && signatures.get(form.id)?.has(squash(String(c.value))),
  );
  for (const anchor of anchors) {
    const wanted = squash(String(anchor.value));
    for (let r = 0; r < grid.length; r++) {
      const row = grid[r] ?? [];
      for (let c = 0; c < row.length; c++) {
        if (typeof row[c] !== 'string' || squash(String(row[c])) !== wanted) continue;
        const dr = r - anchor.row;
        const dc = c - anchor.col;
        if (dr === 0 && dc === 0) return grid;
        const shifted: SheetToCheck['grid'] = [];
        for (let i = 0; i < plan.area.bottom + 1 + Math.max(0, grid.length - r); i++) {
          const source = grid[i + dr] ?? [];
          shifted.push(Array.from({ length: Math.max(0, source.length - dc) }, (_, j) => source[j + dc] ?? null));
        }
        return shifted;
      }
    }
  }
  return grid;
}
