import type { z } from 'zod';
import { FormDefinitionSchema, type FormDefinition } from './form-schema';
import { sha256Hex, utf8Bytes } from './sha256';

/**
 * A form definition as it travels inside a template or a return (issue 13 §3): plain data, with the format's name
 * and version, the notice it belongs to (the least a catalogue needs) and a SHA-256 of the canonical JSON of
 * { notice, form }, so that a definition changed by hand or damaged on the way is told apart from the one written.
 */
export const ENVELOPE_FORMAT = 'union-forms-definition';
export const ENVELOPE_VERSION = 1;
/** A definition is a few tens of kilobytes; an envelope over this many characters is not read. */
export const MAX_ENVELOPE_CHARS = 512 * 1024;

export interface EnvelopeNotice {
  title: string;
  docNo: string;
  issuer?: string;
}

export interface DefinitionEnvelope {
  format: typeof ENVELOPE_FORMAT;
  version: typeof ENVELOPE_VERSION;
  sha256: string;
  notice: EnvelopeNotice;
  form: unknown;
}

/** A definition read back from an envelope: checked by the schema, or the Chinese reason it is refused. */
export type OpenedEnvelope = { ok: true; notice: EnvelopeNotice; form: FormDefinition } | { ok: false; problem: string };

/** JSON with every object's keys in code-point order and no spaces: the same text for the same data. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    return text === undefined ? 'null' : text;
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

function checksum(notice: EnvelopeNotice, form: unknown): string {
  return sha256Hex(utf8Bytes(canonicalJson({ notice, form })));
}

/** The envelope for a definition, as JSON text. */
export function sealDefinition(form: FormDefinition, notice: EnvelopeNotice): string {
  const envelope: DefinitionEnvelope = {
    format: ENVELOPE_FORMAT,
    version: ENVELOPE_VERSION,
    sha256: checksum(notice, form),
    notice,
    form,
  };
  return JSON.stringify(envelope);
}

const WHY: Record<string, string> = {
  invalid_type: '类型不对',
  too_small: '太小或太短',
  too_big: '太大或太长',
  invalid_format: '格式不对',
  invalid_value: '不是允许的取值',
  unrecognized_keys: '有不认识的项',
  invalid_union: '不符合任何一种写法',
  invalid_key: '键不对',
  invalid_element: '元素不对',
  not_multiple_of: '不是规定的倍数',
  custom: '不符合要求',
};

/** "bands.1.rows.0.cells.2.field.type" for a path of the definition; "（整个定义）" for the whole of it. */
function fieldPath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '（整个定义）' : path.map(String).join('.');
}

/** The schema's objections in Chinese: each names the field (its path in the definition) and why. */
export function schemaProblems(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? `：${issue.keys.join('、')}` : '';
    return `“${fieldPath(issue.path)}”${WHY[issue.code] ?? '不符合要求'}${keys}（${issue.message}）`;
  });
}

function isNotice(value: unknown): value is EnvelopeNotice {
  if (!value || typeof value !== 'object') return false;
  const n = value as Record<string, unknown>;
  return (
    typeof n.title === 'string' &&
    typeof n.docNo === 'string' &&
    (n.issuer === undefined || typeof n.issuer === 'string') &&
    Object.keys(n).every((k) => ['title', 'docNo', 'issuer'].includes(k))
  );
}

/**
 * Opens an envelope read from an untrusted file: size, JSON, format and version, checksum, then the form schema —
 * in that order, each refusal one Chinese sentence. Nothing in it is run or evaluated: it is parsed as JSON and
 * checked as data.
 */
export function openEnvelope(text: string): OpenedEnvelope {
  if (text.length > MAX_ENVELOPE_CHARS)
    return { ok: false, problem: `表格定义太大（${text.length} 个字符，上限 ${MAX_ENVELOPE_CHARS}），未使用。` };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, problem: '表格定义不是有效的 JSON（可能已损坏），未使用。' };
  }
  const e = parsed as Partial<DefinitionEnvelope> | null;
  if (!e || typeof e !== 'object' || e.format !== ENVELOPE_FORMAT) return { ok: false, problem: '不是本程序写入的表格定义，未使用。' };
  if (e.version !== ENVELOPE_VERSION)
    return {
      ok: false,
      problem: `表格定义的格式版本是 ${String(e.version)}，本程序只认识版本 ${ENVELOPE_VERSION}，未使用。请升级本程序。`,
    };
  if (!isNotice(e.notice)) return { ok: false, problem: '表格定义缺少通知的标题或文号，未使用。' };
  if (typeof e.sha256 !== 'string' || e.sha256 !== checksum(e.notice, e.form))
    return { ok: false, problem: '表格定义的校验值不符：定义在写入后被改动或已损坏，未使用。请向发通知的单位要一份原始模板。' };
  const result = FormDefinitionSchema.safeParse(e.form);
  if (!result.success) {
    const id = e.form && typeof e.form === 'object' && 'id' in e.form ? `“${String((e.form as { id: unknown }).id)}”` : '';
    return { ok: false, problem: `表格定义${id}不符合规范，未使用：${schemaProblems(result.error).join('；')}。` };
  }
  return { ok: true, notice: e.notice, form: result.data };
}
