/** The notice's four kinds of workshop, as its 申报类型 boxes name them. */
export const STUDIO_TYPES = ['工匠工作室', '技师工作室', '职工工作室', '巾帼工作室'];
