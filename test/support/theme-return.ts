import type { CellValue } from '../../src/core/cell-value';

/** The fields of a 主题活动申报表 with the given activities (name, 参与人数), as a 街道工会 would return it. */
export function themeReturn(unit: string, activities: [string, CellValue][]): Record<string, CellValue> {
  const values: Record<string, CellValue> = { unit, contact: '张琳', contactPhone: '25032216', fillDate: '2018-6-10' };
  activities.forEach(([name, people], i) => {
    Object.assign(values, {
      [`activities[${i}].seq`]: i + 1,
      [`activities[${i}].name`]: name,
      [`activities[${i}].form`]: '宣讲',
      [`activities[${i}].schedule`]: '6月',
      [`activities[${i}].content`]: `${name}的主要内容`,
      [`activities[${i}].participants`]: people,
    });
  });
  return values;
}
