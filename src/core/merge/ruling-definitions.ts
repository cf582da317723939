import { canonicalJson } from '../definition-envelope';
import type { FoundDefinition } from '../imported-catalogue';

/**
 * Which definition of an imported form the returns are read by, when the returns carry copies of it that differ
 * (issue 21 §2). A district that edits its template's definition must not decide how every other district's
 * return is read, as the first file read used to:
 * - with the clerk's own definitions (the folder `import` wrote, `--forms`), they rule: a return carrying a different
 *   copy of the same form and version, or a version the clerk does not have, is refused, naming the file;
 * - without them, the copy carried by more than half of the files that carry the form (and version) rules — the
 *   template the clerk sent, which the districts filled unchanged — and the files carrying another copy are refused;
 *   with no such majority, no copy can be told for the clerk's, and every file carrying the form is refused with
 *   the advice to give the clerk's own definitions.
 * A refused file is not read at all (its other forms neither): its unit is asked to fill in the template sent.
 * Pure: the definitions were read and opened by a host.
 */
export interface CarriedBy {
  file: string;
  found: readonly FoundDefinition[];
}

export interface DefinitionRuling {
  /** The carried definitions to add to the catalogue (after the clerk's own): those of files not refused. */
  found: FoundDefinition[];
  /** File → why it is refused (one Chinese sentence naming the form; the file is named where it is listed). */
  refused: Map<string, string>;
  /** Forms read by the copy most files carry, one Chinese sentence each, for the clerk to know. */
  notes: string[];
}

export interface RulingWords {
  /** How the clerk's own definitions are named in a sentence: "--forms 指定的定义", "本工作簿中保存的定义". */
  own: string;
  /** What to do to make the clerk's own definitions rule: "请加 --forms <import 写出的文件夹>". */
  giveOwn: string;
}

const key = (d: FoundDefinition) => `${d.form.id}\u0000${d.form.version}`;
const named = (d: FoundDefinition) => `“${d.form.name}”（${d.form.id} 第 ${d.form.version} 版）`;

export function ruleDefinitions(carried: readonly CarriedBy[], own: readonly FoundDefinition[], words: RulingWords): DefinitionRuling {
  const refused = new Map<string, string>();
  const notes: string[] = [];
  const refuse = (file: string, why: string) => {
    if (!refused.has(file)) refused.set(file, why);
  };
  const ownBy = new Map(own.map((d) => [key(d), d]));
  const ownVersions = new Map<string, number[]>();
  for (const d of own) ownVersions.set(d.form.id, [...(ownVersions.get(d.form.id) ?? []), d.form.version]);

  // Copies of each form and version the clerk does not hold: text → the files carrying it.
  const copies = new Map<string, Map<string, { def: FoundDefinition; files: string[] }>>();
  for (const { file, found } of carried)
    for (const def of found) {
      const mine = ownBy.get(key(def));
      const versions = ownVersions.get(def.form.id);
      if (mine) {
        if (canonicalJson(mine.form) !== canonicalJson(def.form))
          refuse(file, `所附的表格定义${named(def)}与${words.own}不同（模板可能被改过），此文件未使用。请该单位用下发的模板重新填报。`);
      } else if (versions)
        refuse(
          file,
          `所附的表格定义${named(def)}不在${words.own}中（只有第 ${versions.join('、')} 版），此文件未使用。请该单位用下发的模板重新填报。`,
        );
      else {
        const byText = copies.get(key(def)) ?? new Map<string, { def: FoundDefinition; files: string[] }>();
        const text = canonicalJson(def.form);
        const entry = byText.get(text) ?? { def, files: [] };
        if (!entry.files.includes(file)) entry.files.push(file);
        byText.set(text, entry);
        copies.set(key(def), byText);
      }
    }

  const governing = new Map<string, string>();
  for (const [k, byText] of copies) {
    const groups = [...byText.entries()].sort((a, b) => b[1].files.length - a[1].files.length);
    const [text, top] = groups[0] as [string, { def: FoundDefinition; files: string[] }];
    if (groups.length === 1) {
      governing.set(k, text);
      continue;
    }
    const total = groups.reduce((n, [, g]) => n + g.files.length, 0);
    if (top.files.length * 2 > total) {
      governing.set(k, text);
      notes.push(
        `表格${named(top.def)}在各文件中所附的定义不一致：按 ${total} 个文件中 ${top.files.length} 个所附的定义读取，其余的文件未使用；${words.giveOwn}。`,
      );
      for (const [, g] of groups.slice(1))
        for (const file of g.files)
          refuse(
            file,
            `所附的表格定义${named(g.def)}与其他 ${top.files.length} 个文件所附的不同（模板可能被改过），此文件未使用。请该单位用下发的模板重新填报。`,
          );
    } else {
      const listed = groups.map(([, g]) => g.files.join('、')).join('；');
      for (const [, g] of groups)
        for (const file of g.files)
          refuse(
            file,
            `表格${named(g.def)}在各文件中所附的定义不一致（${listed}，各不相同），无法判断哪一份是下发的，此文件未使用。${words.giveOwn}。`,
          );
    }
  }

  const found = carried.flatMap(({ file, found: defs }) =>
    refused.has(file)
      ? []
      : defs.filter((d) => {
          const rules = governing.get(key(d));
          return rules === undefined || rules === canonicalJson(d.form);
        }),
  );
  return { found, refused, notes };
}
