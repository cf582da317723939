import { promises as fs } from 'fs';
import * as path from 'path';
import { canonicalJson } from '../../core/definition-envelope';
import { FormDefinitionSchema, type FormDefinition } from '../../core/form-schema';
import type { FoundDefinition } from '../../core/imported-catalogue';
import { takeCarriedDefinitions } from '../xlsx/carried-definitions';
import { readReturnFile } from './read-return';
import { UserError } from '../../core/errors';

/**
 * The clerk's own definitions for `validate --forms` and `merge --forms` (issue 21 §2): the folder `import` wrote,
 * each form's .json (which the clerk may have corrected by hand) and its .xlsx template (which carries the
 * definition with its notice, sealed). The .json rules; the template gives the notice's title and 文号.
 */
export interface FormsFolder {
  own: FoundDefinition[];
  /** Things the clerk should know (a template whose definition differs from its .json), one Chinese line each. */
  notes: string[];
}

const formName = (form: FormDefinition) => `“${form.name}”（${form.id} 第 ${form.version} 版）`;

export async function readFormsFolder(given: string, cwd: string): Promise<FormsFolder> {
  const folder = path.resolve(cwd, given);
  const names = await fs.readdir(folder).catch(() => {
    throw new UserError('usage', `找不到表格定义文件夹“${given}”（--forms）：请指定 union-forms import 写出的文件夹。`);
  });
  const templates = new Map<string, FoundDefinition>();
  const fromJson: FoundDefinition[] = [];
  const problems: string[] = [];
  for (const name of names.sort()) {
    const full = path.join(folder, name);
    if (/^(~\$|\.)/.test(name)) continue;
    if (/\.xlsx$/i.test(name)) {
      const taken = takeCarriedDefinitions(await readReturnFile(full, name));
      for (const f of taken.found) templates.set(`${f.form.id}\u0000${f.form.version}`, f);
      problems.push(...taken.refused);
    } else if (/\.json$/i.test(name)) {
      let data: unknown;
      try {
        data = JSON.parse(await fs.readFile(full, 'utf8'));
      } catch {
        problems.push(`${name}：不是有效的 JSON（可能已损坏）。`);
        continue;
      }
      const parsed = FormDefinitionSchema.safeParse(data);
      if (!parsed.success) {
        const where = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '（整个定义）'))].slice(0, 5).join('、');
        problems.push(`${name}：不符合表格定义的规范（${where}）。`);
        continue;
      }
      const form = parsed.data;
      fromJson.push({ file: name, form, notice: { title: form.notice.title, docNo: form.notice.docNo } });
    }
  }
  if (problems.length > 0)
    throw new UserError('usage', `--forms 文件夹“${given}”中的表格定义有误：${problems.join('')}请改正，或重新运行 import。`);
  const notes: string[] = [];
  const own: FoundDefinition[] = fromJson.map((def) => {
    const template = templates.get(`${def.form.id}\u0000${def.form.version}`);
    if (!template) return def;
    templates.delete(`${def.form.id}\u0000${def.form.version}`);
    if (canonicalJson(template.form) !== canonicalJson(def.form))
      notes.push(
        `${def.file} 与模板 ${template.file} 中的表格定义${formName(def.form)}不同：按 ${def.file}。用这份模板填的报表将被拒绝；改过 .json 后请改版本号（version）再下发新模板。`,
      );
    return { ...def, notice: template.notice };
  });
  own.push(...templates.values());
  if (own.length === 0) throw new UserError('usage', `--forms 文件夹“${given}”中没有表格定义（.json 或 import 写出的 .xlsx 模板）。`);
  return { own, notes };
}
