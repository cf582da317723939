/**
 * 单位性质 is free text in the workshop notice, but the notice counts 非公企业 among recommended units (≥ 50%),
 * so the sheet offers the usual kinds of unit and the core knows which of them are non-public.
 */
export const UNIT_TYPES = [
  '国有企业',
  '国有控股企业',
  '集体企业',
  '民营企业',
  '外商投资企业',
  '港澳台投资企业',
  '混合所有制企业',
  '事业单位',
  '机关',
  '社会组织',
  '其他',
];

export const NON_PUBLIC_UNIT_TYPES = ['民营企业', '外商投资企业', '港澳台投资企业'];
