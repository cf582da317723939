import type { z } from 'zod';
import type { FieldSchema, InputCellSchema, LabelCellSchema } from '../core/form-schema';

type LabelCellInput = z.input<typeof LabelCellSchema>;
export type CellInput = LabelCellInput | InputCellInput;
type InputCellInput = z.input<typeof InputCellSchema>;
type FieldInput = z.input<typeof FieldSchema>;
type Placement = Partial<Pick<LabelCellInput, 'colSpan' | 'rowSpan' | 'preset' | 'style'>>;

export function label(col: number, text: string, placement: Placement & { adapted?: string } = {}): LabelCellInput {
  return { kind: 'label', col, text, ...placement };
}

export function input(col: number, field: FieldInput, placement: Placement = {}): InputCellInput {
  return { kind: 'input', col, field, ...placement };
}

/** The line "附件N" above a form's title, as the notice prints it. */
export function attachmentLine(text: string, width: number) {
  return { height: 20, cells: [label(0, text, { colSpan: width, preset: 'heading' })] };
}

export function titleLine(text: string, width: number, height = 40) {
  return { height, cells: [label(0, text, { colSpan: width, preset: 'title' })] };
}

export const FILL_DATE_HINT = '填写报送当天的日期。';
