import type {
  Band,
  Cell,
  Field,
  FieldSchema,
  FormDefinition,
  FormDefinitionInput,
  InputCell,
  InputCellSchema,
  LabelCellSchema,
  Row,
  RowSchema,
} from '../core/form-schema';
import type { z } from 'zod';

/*
 * The program's own forms as the runtime takes them: typed data with the schema's defaults filled in, without zod.
 * They are checked against the schema where they are written, not each time the program starts: a test parses every
 * built-in form with FormDefinitionSchema and requires what it gives to equal what builtInForm gives
 * (test/notices/built-in-forms-schema.test.ts), so a default added to the schema and not here fails there.
 * Definitions from outside (imported forms, those carried in workbooks) are always parsed with the schema.
 */

type FieldInput = z.input<typeof FieldSchema>;
type CellInput = z.input<typeof LabelCellSchema> | z.input<typeof InputCellSchema>;
type RowInput = z.input<typeof RowSchema>;
type BandInput = FormDefinitionInput['bands'][number];

function field(input: FieldInput): Field {
  const common = { ...input, required: input.required ?? false, remindIfBlank: input.remindIfBlank ?? false };
  switch (input.type) {
    case 'integer':
      return { ...common, type: 'integer', min: input.min ?? 0, total: input.total ?? true };
    case 'choice':
      return { ...common, type: 'choice', options: input.options, source: input.source ?? 'notice' };
    case 'date':
      return { ...common, type: 'date', range: input.range ?? false, monthAllowed: input.monthAllowed ?? false };
    default:
      return common as Field;
  }
}

function inputCell(input: z.input<typeof InputCellSchema>): InputCell {
  return { ...input, colSpan: input.colSpan ?? 1, rowSpan: input.rowSpan ?? 1, field: field(input.field) };
}

function cell(input: CellInput): Cell {
  if (input.kind === 'input') return inputCell(input);
  return { ...input, colSpan: input.colSpan ?? 1, rowSpan: input.rowSpan ?? 1 };
}

const row = (input: RowInput): Row => ({ ...input, cells: input.cells.map(cell) });

function band(input: BandInput): Band {
  if (input.kind === 'rows') return { ...input, rows: input.rows.map(row) };
  return { ...input, header: input.header.map(row), cells: input.cells.map(inputCell) };
}

/** A built-in form with the schema's defaults filled in (the schema's output for it: tested, see above). */
export function builtInForm(input: FormDefinitionInput): FormDefinition {
  return {
    ...input,
    bands: input.bands.map(band),
    rules: (input.rules ?? []) as FormDefinition['rules'],
    merge: { ...input.merge, sameReturnBy: input.merge.sameReturnBy ?? [] },
  };
}
