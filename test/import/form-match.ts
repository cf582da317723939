import type { FormDefinition } from '../../src/core/form-schema';
import { fillTemplate } from '../../src/core/templates';

/** How far an imported definition matches a hand-made one: labels, inputs (beside the same label), their types, lists. */
export interface FormMatch {
  labels: [number, number];
  inputs: [number, number];
  types: [number, number];
  lists: [number, number];
  share: number;
}

const norm = (t: string) => t.replace(/\s+/g, '').replace(/：/g, ':').replace(/（/g, '(').replace(/）/g, ')').replace(/:+$/, '');

function rendered(form: FormDefinition): (t: string) => string {
  const params = Object.fromEntries(form.params.map((p) => [p.id, p.default]));
  return (t) => norm(fillTemplate(t, params));
}

function labelsOf(form: FormDefinition): string[] {
  const r = rendered(form);
  return form.bands
    .flatMap((b) => (b.kind === 'rows' ? b.rows : b.header).flatMap((row) => row.cells))
    .flatMap((c) => (c.kind === 'label' && norm(c.text) !== '' ? [r(c.text)] : []));
}

/** Each input as "the label it stands beside #how many inputs after it", or its list column's heading. */
function inputsOf(form: FormDefinition): { anchor: string; type: string }[] {
  const r = rendered(form);
  const out: { anchor: string; type: string }[] = [];
  let lastHeading = '';
  for (const band of form.bands) {
    if (band.kind === 'table') {
      for (const cell of band.cells) {
        const head = band.header
          .flatMap((h) => h.cells)
          .find((h) => h.kind === 'label' && h.col <= cell.col && h.col + h.colSpan > cell.col);
        out.push({ anchor: `list:${head && head.kind === 'label' ? r(head.text) : '?'}`, type: cell.field.type });
      }
      continue;
    }
    band.rows.forEach((row, i) => {
      const covering = band.rows
        .slice(0, i + 1)
        .flatMap((rr, k) => rr.cells.filter((c) => c.kind === 'label' && norm(c.text) !== '' && k + c.rowSpan > i));
      const inputs = row.cells.filter((c) => c.kind === 'input').sort((a, b) => a.col - b.col);
      for (const cell of inputs) {
        if (cell.kind !== 'input') continue;
        const left = covering.filter((c) => c.col + c.colSpan <= cell.col).sort((a, b) => b.col - a.col)[0];
        const between = left ? inputs.filter((c) => c.col > left.col && c.col < cell.col).length : 0;
        const anchor = left && left.kind === 'label' ? `${r(left.text)}#${between}` : `${lastHeading}#below`;
        out.push({ anchor, type: cell.field.type });
      }
      const only = row.cells.length === 1 ? row.cells[0] : undefined;
      if (only && only.kind === 'label') lastHeading = r(only.text);
    });
  }
  return out;
}

function listsOf(form: FormDefinition): string[] {
  const r = rendered(form);
  return form.bands.flatMap((b) =>
    b.kind === 'table'
      ? [
          b.header
            .flatMap((h) => h.cells)
            .map((c) => (c.kind === 'label' ? r(c.text) : ''))
            .join('|'),
        ]
      : [],
  );
}

function multisetHits(expected: string[], actual: string[]): number {
  const left = [...actual];
  let hits = 0;
  for (const e of expected) {
    const at = left.indexOf(e);
    if (at >= 0) {
      hits++;
      left.splice(at, 1);
    }
  }
  return hits;
}

export function matchForms(handMade: FormDefinition, imported: FormDefinition): FormMatch {
  const labels = labelsOf(handMade);
  const expected = inputsOf(handMade);
  const actual = inputsOf(imported);
  let inputHits = 0;
  let typeHits = 0;
  for (const e of expected) {
    const at = actual.findIndex((a) => a.anchor === e.anchor);
    if (at < 0) continue;
    inputHits++;
    if ((actual[at] as { type: string }).type === e.type) typeHits++;
    actual.splice(at, 1);
  }
  const lists = listsOf(handMade);
  const m: Omit<FormMatch, 'share'> = {
    labels: [multisetHits(labels, labelsOf(imported)), labels.length],
    inputs: [inputHits, expected.length],
    types: [typeHits, expected.length],
    lists: [multisetHits(lists, listsOf(imported)), lists.length],
  };
  const parts = [m.labels, m.inputs, m.types, m.lists];
  const share = parts.reduce((n, [h]) => n + h, 0) / parts.reduce((n, [, t]) => n + t, 0);
  return { ...m, share };
}
