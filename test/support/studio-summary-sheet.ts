import { cellAddress } from '../../src/core/a1';
import { planSheet } from '../../src/core/layout';
import { getForm } from '../../src/notices';

/** The 推荐申报汇总表 as inserted with its defaults, for tests that type into it on the fake host. */
export const SUMMARY = planSheet(getForm('studio-summary'));

/** The A1 address of a field of the 汇总表, e.g. `at('studios[0].studioName')`. */
export function at(key: string): string {
  const slot = SUMMARY.slots.find((s) => s.key === key);
  if (!slot) throw new Error(key);
  return cellAddress(slot.row, slot.col);
}

/** A complete, valid 汇总表 as a clerk would type it. */
export const GOOD: Record<string, string | number> = {
  [at('unionName')]: '闵行区总工会',
  [at('applicant')]: '王奇峰',
  [at('applicantPhone')]: '021-55885592',
  [at('hasCampaign')]: '有',
  [at('craftsmanStudios')]: 3,
  [at('technicianStudios')]: 5,
  [at('workerStudios')]: 8,
  [at('womenStudios')]: 2,
  [at('opinion')]: '同意推荐',
  [at('studios[0].studioType')]: '职工工作室',
  [at('studios[0].studioName')]: '甲工作室',
  [at('studios[0].unit')]: '某公司',
  [at('studios[0].leader')]: '张三',
};
