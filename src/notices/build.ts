import type { z } from 'zod';
import type { FieldSchema, FormDefinitionInput, InputCellSchema, LabelCellSchema } from '../core/form-schema';
import type { NoticeDefinition } from '../core/notice-catalogue';

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

/** What a notice folder states of its notice: everything but its forms and the checks across them. */
export type NoticeData = Omit<NoticeDefinition, 'forms' | 'crossFormChecks'>;

/** A form's parameters: its notice's, with the form's own deadline (报送截止日期) after 年份. */
export function noticeParams(notice: NoticeData, formId: string): FormDefinitionInput['params'] {
  const deadline = notice.deadlines[formId];
  const params = [...notice.params];
  if (deadline !== undefined) {
    const at = params.findIndex((p) => p.id === 'year') + 1;
    params.splice(at, 0, { id: 'deadline', label: '报送截止日期', kind: 'monthDay', default: deadline });
  }
  return params;
}

/** The line of a form that names its notice, and which attachment (附件N) of it the form is. */
export function noticeRef(notice: NoticeData, attachment: string): FormDefinitionInput['notice'] {
  return { title: notice.title, docNo: notice.docNo, attachment, seed: notice.seed };
}
