import type { FormDefinition } from './form-schema';
import { deadlineOf, resolveParams, type ParamOverrides } from './params';
import { fillTemplate } from './templates';

export interface ParamSummary {
  id: string;
  label: string;
  kind: 'integer' | 'monthDay';
  value: number | string;
  min: number | undefined;
  max: number | undefined;
}

/** What the form gallery shows of a form for the given parameters. */
export interface FormSummary {
  id: string;
  version: number;
  title: string;
  sheetName: string;
  description: string;
  noticeTitle: string;
  docNo: string;
  attachment: string;
  /** YYYY-MM-DD, or undefined when the notice sets no deadline for this form. */
  deadline: string | undefined;
  params: ParamSummary[];
}

export function summarizeForm(form: FormDefinition, overrides: ParamOverrides = {}): FormSummary {
  const params = resolveParams(form, overrides);
  const deadline = deadlineOf(form, params);
  return {
    id: form.id,
    version: form.version,
    title: fillTemplate(form.name, params),
    sheetName: form.sheetName,
    description: form.description,
    noticeTitle: fillTemplate(form.notice.title, params),
    docNo: form.notice.docNo,
    attachment: form.notice.attachment,
    deadline: deadline?.toISOString().slice(0, 10),
    params: form.params.map((p) => ({
      id: p.id,
      label: p.label,
      kind: p.kind,
      value: params[p.id] as number | string,
      min: p.kind === 'integer' ? p.min : undefined,
      max: p.kind === 'integer' ? p.max : undefined,
    })),
  };
}
