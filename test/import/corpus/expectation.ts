import * as fs from 'fs';
import * as path from 'path';

/**
 * What a notice of the corpus should give when imported, written by hand from the notice (expected/<id>.json,
 * issue 21 §4) — never from the importer's output.
 */
export interface ExpectedField {
  /** The printed label; a two-level list heading as "upper·lower" (慰问困难职工·人数（人）). */
  label: string;
  /** The type a careful clerk would give it; several where the notice leaves either right (性别: text or choice). */
  type: string | string[];
  /** A choice's options, as printed. */
  options?: string[];
}

export interface ExpectedList {
  columns: ExpectedField[];
  /** The form prints a 合计 row under the list: the template computes it, the unit does not type it. */
  totalRow: boolean;
}

export interface ExpectedForm {
  title: string;
  /** The return deadline as MM-DD, or null where the notice gives none. */
  deadline: string | null;
  orientation?: 'portrait' | 'landscape';
  /** Every label printed on the form (the same text twice when printed twice). */
  labels: string[];
  /** Notes printed on the form (注, 填表说明): kept as text, never inputs. */
  notes: string[];
  /** The unit's inputs outside lists. */
  fields: ExpectedField[];
  /** Labels the receiving office fills (编号, 由…填写, 审核意见, 受理日期): kept, never a required input of the unit. */
  office: string[];
  lists: ExpectedList[];
}

export interface ExpectedNotice {
  id: string;
  /** What is handed to `union-forms import`, relative to the notice's folder ("." is the folder itself). */
  import: string[];
  facts: { docNo: string | null; title: string };
  forms: ExpectedForm[];
  /** Titles of attachments that are not forms (a 名单, an 实施方案). */
  notForms: string[];
}

export const EXPECTED_DIR = path.join(__dirname, 'expected');

export function loadExpectations(): ExpectedNotice[] {
  return fs
    .readdirSync(EXPECTED_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const e = JSON.parse(fs.readFileSync(path.join(EXPECTED_DIR, f), 'utf8')) as ExpectedNotice;
      if (`${e.id}.json` !== f || !Array.isArray(e.forms) || !Array.isArray(e.import)) throw new Error(`expected/${f} is malformed`);
      return e;
    });
}

export const typesOf = (f: ExpectedField): string[] => (Array.isArray(f.type) ? f.type : [f.type]);
