import { canonicalJson, type EnvelopeNotice } from './definition-envelope';
import type { FormDefinition } from './form-schema';
import { makeCatalogue, type Catalogue, type NoticeDefinition } from './notice-catalogue';

/** A definition found in a file being read (already opened: checksum and schema passed). */
export interface FoundDefinition {
  file: string;
  notice: EnvelopeNotice;
  form: FormDefinition;
}

export interface ExtendedCatalogue {
  catalogue: Catalogue;
  /** The imported forms taken, as "title（id v1）". */
  added: string[];
  /** Why a definition found was not taken, one Chinese sentence each. */
  refused: string[];
}

/** A notice for one imported form (all its versions): its parameters and deadline are the form's own. */
function noticeFor(found: FoundDefinition, versions: FormDefinition[]): NoticeDefinition {
  const form = found.form;
  const deadline = form.deadlineParam ? form.params.find((p) => p.id === form.deadlineParam) : undefined;
  return {
    id: `imported:${form.id}`,
    docNo: found.notice.docNo,
    title: found.notice.title,
    issuer: found.notice.issuer ?? '',
    ...(form.notice.seed !== undefined ? { seed: form.notice.seed } : {}),
    params: form.params,
    deadlines: deadline && typeof deadline.default === 'string' ? { [form.id]: deadline.default } : {},
    quotas: [],
    shares: [],
    forms: versions,
    crossFormChecks: [],
  };
}

/**
 * The built-in notices plus a notice for each imported form found in the files read, so that returns of a form no
 * one wrote code for are recognised, checked and merged. A found definition whose id is a built-in form's is taken
 * only when it is that form exactly (then nothing is added); two different definitions of one id and version: the
 * first found is taken, the others refused. Pure: the definitions were read and checked by a host.
 */
export function catalogueWithImported(
  builtIn: readonly NoticeDefinition[],
  found: readonly FoundDefinition[],
  /**
   * Definitions the clerk's own workbook keeps (saved there after review): taken before any a return carries, so a
   * return's differing copy of the same form and version is refused, not preferred; not listed in `added`.
   */
  own: readonly FoundDefinition[] = [],
): ExtendedCatalogue {
  const builtInForms = new Map<string, FormDefinition[]>();
  for (const notice of builtIn) for (const form of notice.forms) builtInForms.set(form.id, [...(builtInForms.get(form.id) ?? []), form]);
  const taken = new Map<string, { first: FoundDefinition; versions: Map<number, FoundDefinition> }>();
  const refused: string[] = [];
  const added: string[] = [];
  const ownDefs = new Set(own);
  for (const def of [...own, ...found]) {
    const { id, version, name } = def.form;
    const builtInVersions = builtInForms.get(id);
    if (builtInVersions) {
      const same = builtInVersions.some((f) => f.version === version && canonicalJson(f) === canonicalJson(def.form));
      if (!same)
        refused.push(`${def.file}：其中的表格定义“${name}”的编号 ${id} 与本程序自带的表格相同而内容不同，未使用（按自带的表格检查）。`);
      continue;
    }
    const entry = taken.get(id) ?? { first: def, versions: new Map<number, FoundDefinition>() };
    const earlier = entry.versions.get(version);
    if (earlier) {
      if (canonicalJson(earlier.form) !== canonicalJson(def.form))
        refused.push(
          `${def.file}：其中的表格定义“${name}”（${id} 第 ${version} 版）与 ${earlier.file} 中的同一版本不同，未使用（按先读到的 ${earlier.file} 中的定义）。`,
        );
      continue;
    }
    entry.versions.set(version, def);
    taken.set(id, entry);
    if (!ownDefs.has(def)) added.push(`${name}（${id} 第 ${version} 版）`);
  }
  const imported = [...taken.values()].map(({ first, versions }) =>
    noticeFor(
      first,
      [...versions.values()].map((v) => v.form),
    ),
  );
  return { catalogue: makeCatalogue([...builtIn, ...imported]), added, refused };
}

/**
 * The definition to keep in a workbook that already keeps `kept` (every version of every imported form there): the
 * same content as a kept version is that version again; changed content of a form already kept becomes the next
 * version, so that sheets inserted from an earlier one keep being read by it and templates already sent keep
 * matching theirs (a return is read against the version its marker names).
 */
export function versionToKeep(form: FormDefinition, kept: readonly FormDefinition[]): FormDefinition {
  const same = kept.filter((k) => k.id === form.id);
  if (same.length === 0) return form;
  const body = (f: FormDefinition) => canonicalJson({ ...f, version: 0 });
  const equal = same.find((k) => body(k) === body(form));
  if (equal) return { ...form, version: equal.version };
  return { ...form, version: Math.max(...same.map((k) => k.version)) + 1 };
}
