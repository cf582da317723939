import type { CellValue } from '../../src/core/cell-value';
import { planSheet, type PlanOptions } from '../../src/core/layout';
import { readForm, type Grid } from '../../src/core/read/read-form';
import { checkForm, type Problem } from '../../src/core/rules/check-form';
import { getForm } from '../../src/notices';

/** A sheet's grid as a clerk would return it: the form's labels, and the given values by field key. */
export function filledGrid(formId: string, values: Record<string, CellValue>, options: PlanOptions = {}): CellValue[][] {
  const plan = planSheet(getForm(formId), { ...options, anyRowCount: true });
  const grid: CellValue[][] = Array.from({ length: plan.area.bottom + 1 }, () => Array<CellValue>(plan.area.right + 2).fill(null));
  for (const cell of plan.cells) (grid[cell.row] as CellValue[])[cell.col] = cell.value;
  (grid[plan.marker.row] as CellValue[])[plan.marker.col] = plan.marker.text;
  for (const [key, value] of Object.entries(values)) {
    const slot = plan.slots.find((s) => s.key === key);
    if (!slot) throw new Error(`no field ${key} in ${formId}`);
    (grid[slot.row] as CellValue[])[slot.col] = value;
  }
  return grid;
}

export const TODAY = '2026-11-21';

export function problemsOf(formId: string, values: Record<string, CellValue>, options: PlanOptions = {}): Problem[] {
  const grid: Grid = filledGrid(formId, values, options);
  return checkForm(readForm(getForm(formId), grid, options.params ?? {}), { today: TODAY });
}

/** A complete, valid 申请表 of a 职工工作室 with four other members. */
export function goodApplication(): Record<string, CellValue> {
  const values: Record<string, CellValue> = {
    studioName: '张三职工创新工作室',
    specialty: '数控加工',
    studioType: '职工工作室',
    unit: '上海某某机械有限公司',
    system: '闵行区',
    unitType: '民营企业',
    industry: '机械制造',
    address: '上海市闵行区某路1号',
    postcode: '201100',
    leaderName: '张三',
    leaderPost: '班组长',
    leaderPhone: '13812345678',
    leaderSex: '男',
    leaderAge: 45,
    leaderEducation: '大专',
    leaderTrade: '数控车工',
    leaderYears: 25,
    leaderSkill: '高级技师',
    leaderRank: '中级',
    hukouType: '非农业',
    hukouPlace: '本市',
    leaderHonours: '上海市劳动模范',
    introduction: '创'.repeat(800),
  };
  ['李四', '王五', '赵六', '钱七'].forEach((name, i) => {
    Object.assign(values, {
      [`members[${i}].name`]: name,
      [`members[${i}].age`]: 30 + i,
      [`members[${i}].education`]: '本科',
      [`members[${i}].rank`]: '技师',
      [`members[${i}].trade`]: '钳工',
      [`members[${i}].years`]: 8 + i,
    });
  });
  return values;
}
