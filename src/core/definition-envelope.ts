import type { FormDefinition } from './form-schema';
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

/** An envelope whose size, format, version, notice and checksum hold: its form is as written, not yet checked by the schema. */
export type UnsealedEnvelope = { ok: true; notice: EnvelopeNotice; form: unknown } | { ok: false; problem: string };

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
 * The first checks of an envelope read from an untrusted file: size, JSON, format and version, notice, checksum — in
 * that order, each refusal one Chinese sentence. Nothing in it is run or evaluated: it is parsed as JSON and checked
 * as data. The form schema comes after (open-envelope.ts), in a module of its own: the schema library is loaded only
 * where a definition from outside is read, not at the pane's start-up.
 */
export function unsealEnvelope(text: string): UnsealedEnvelope {
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
  return { ok: true, notice: e.notice, form: e.form };
}
