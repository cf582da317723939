import type { Cell, FormDefinition, LabelCell } from '../../src/core/form-schema';

export function allCells(form: FormDefinition): Cell[] {
  return form.bands.flatMap((band) =>
    band.kind === 'rows' ? band.rows.flatMap((r) => r.cells) : [...band.header.flatMap((r) => r.cells), ...band.cells],
  );
}

export function labelCells(form: FormDefinition): LabelCell[] {
  return allCells(form).filter((c): c is LabelCell => c.kind === 'label');
}

/** A deep copy of a form definition as plain data, to mutate in negative tests. */
export function cloneForm(form: FormDefinition): Record<string, any> {
  return JSON.parse(JSON.stringify(form));
}
