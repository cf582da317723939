import { UserError } from './errors';
import type { FormDefinition, FormDefinitionInput } from './form-schema';
import type { CrossFormCheck, Quota, Share } from './merge/cross-form';

/** A notice as data: what it is, the numbers it sets, its forms (every version still read) and its checks across them. */
export interface NoticeDefinition {
  id: string;
  /** 文号, e.g. 沪工技中〔2020〕7号. */
  docNo: string;
  /** The notice's title, with placeholders for its parameters ({edition:cn}, {year}). */
  title: string;
  /** 发文单位. */
  issuer: string;
  /** The notice's text in the reference seeds (three digits); none for an imported notice. */
  seed?: string;
  /** Parameters the notice sets (届次, 年度, dates), with their defaults; a form's deadline is in `deadlines`. */
  params: NonNullable<FormDefinitionInput['params']>;
  /** Per form id: its return deadline (月-日). */
  deadlines: Readonly<Record<string, string>>;
  quotas: readonly Quota[];
  shares: readonly Share[];
  /** 届次 N falls in the year base + N (one edition a year), when the notice numbers its editions. */
  yearFromEdition?: { base: number };
  /** Every version of every form of the notice. */
  forms: readonly FormDefinition[];
  crossFormChecks: readonly CrossFormCheck[];
}

/** The notices a program knows and their forms by (id, version): what the core is handed, never imports. */
export interface Catalogue {
  readonly notices: readonly NoticeDefinition[];
  /** The newest version of each form, in the notices' order. */
  readonly forms: readonly FormDefinition[];
  /** Every stored version of every form, newest first within a form. */
  readonly allVersions: readonly FormDefinition[];
  /**
   * A form by id and version: that version when stored; else the newest older one; else (a version older than any
   * stored) the oldest; without a version, the newest. A version newer than any stored gives the newest.
   */
  findForm(id: string, version?: number): FormDefinition | undefined;
  getForm(id: string, version?: number): FormDefinition;
  noticeOf(formId: string): NoticeDefinition | undefined;
}

export function makeCatalogue(notices: readonly NoticeDefinition[]): Catalogue {
  const byId = new Map<string, FormDefinition[]>();
  const noticeById = new Map<string, NoticeDefinition>();
  for (const notice of notices) {
    for (const form of notice.forms) {
      const versions = byId.get(form.id) ?? [];
      if (versions.some((v) => v.version === form.version)) throw new Error(`form ${form.id} v${form.version} is listed twice`);
      const owner = noticeById.get(form.id);
      if (owner && owner !== notice) throw new Error(`form ${form.id} belongs to two notices`);
      versions.push(form);
      byId.set(form.id, versions);
      noticeById.set(form.id, notice);
    }
  }
  for (const versions of byId.values()) versions.sort((a, b) => b.version - a.version);
  const forms = [...byId.values()].map((v) => v[0] as FormDefinition);
  const allVersions = [...byId.values()].flat();
  const ids = [...byId.keys()];

  function findForm(id: string, version?: number): FormDefinition | undefined {
    const versions = byId.get(id);
    if (!versions) return undefined;
    if (version === undefined) return versions[0];
    return versions.find((v) => v.version <= version) ?? versions[versions.length - 1];
  }

  return {
    notices,
    forms,
    allVersions,
    findForm,
    getForm(id, version) {
      const form = findForm(id, version);
      if (!form) throw new UserError('unknown-form', `没有编号为“${id}”的表格。可用的表格：${ids.join('、')}。`);
      return form;
    },
    noticeOf: (formId) => noticeById.get(formId),
  };
}
