import type { Field, FormDefinition } from '../../src/core/form-schema';
import { getForm } from '../../src/notices';
import { cloneForm } from './forms';

/**
 * Forms whose checks run long, to hold Excel's formula limits against: 申请表 with 所属行业 as a choice of 40 □
 * options (as a notice that prints the 国民经济行业分类 divisions imports it), and with 工作室简介 under a 字数 rule.
 */
export const INDUSTRIES_40 = [
  '农业',
  '林业',
  '畜牧业',
  '渔业',
  '煤炭开采和洗选业',
  '石油和天然气开采业',
  '黑色金属矿采选业',
  '有色金属矿采选业',
  '农副食品加工业',
  '食品制造业',
  '纺织业',
  '纺织服装、服饰业',
  '造纸和纸制品业',
  '印刷和记录媒介复制业',
  '化学原料和化学制品制造业',
  '医药制造业',
  '橡胶和塑料制品业',
  '非金属矿物制品业',
  '黑色金属冶炼和压延加工业',
  '通用设备制造业',
  '专用设备制造业',
  '汽车制造业',
  '铁路、船舶、航空航天和其他运输设备制造业',
  '电气机械和器材制造业',
  '计算机、通信和其他电子设备制造业',
  '仪器仪表制造业',
  '电力、热力生产和供应业',
  '燃气生产和供应业',
  '水的生产和供应业',
  '房屋建筑业',
  '土木工程建筑业',
  '批发业',
  '零售业',
  '道路运输业',
  '水上运输业',
  '航空运输业',
  '软件和信息技术服务业',
  '货币金融服务',
  '教育',
  '卫生',
];

/** The choice's options as one text: what a validation list typed inline would hold. */
export const joinedLength = (options: readonly string[]): number => options.join(',').length;

function withField(id: string, change: (field: Record<string, unknown>) => void): FormDefinition {
  const form = cloneForm(getForm('studio-application'));
  let found = false;
  const visit = (cells: Record<string, any>[]) => {
    for (const cell of cells) {
      if (cell.kind === 'input' && cell.field.id === id) {
        change(cell.field);
        found = true;
      }
    }
  };
  for (const band of form.bands) {
    if (band.kind === 'rows') for (const row of band.rows) visit(row.cells);
    else visit(band.cells);
  }
  if (!found) throw new Error(`no field ${id} on the 申请表`);
  return form as FormDefinition;
}

/** 申请表 with 所属行业 a choice of the 40 divisions above. */
export const fortyOptionForm = (): FormDefinition =>
  withField('industry', (f) => {
    f.type = 'choice';
    f.options = INDUSTRIES_40;
  });

/** 申请表 with a long text under a 字数 rule: at most `maxLength` characters. */
export function longTextForm(maxLength = 3000): { form: FormDefinition; field: Field } {
  const form = withField('introduction', (f) => {
    f.type = 'longText';
    f.maxLength = maxLength;
    delete f.aboutLength;
  });
  return { form, field: fieldOf(form, 'introduction') };
}

export function fieldOf(form: FormDefinition, id: string): Field {
  for (const band of form.bands) {
    const cells = band.kind === 'rows' ? band.rows.flatMap((r) => r.cells) : band.cells;
    for (const cell of cells) if (cell.kind === 'input' && cell.field.id === id) return cell.field;
  }
  throw new Error(`no field ${id}`);
}

/** 申请表 with both: 所属行业 a 40-option choice and 工作室介绍 at most `maxLength` characters. */
export function longChecksForm(maxLength = 3000): FormDefinition {
  const form = cloneForm(fortyOptionForm());
  for (const band of form.bands) {
    const cells = band.kind === 'rows' ? band.rows.flatMap((r: { cells: unknown[] }) => r.cells) : band.cells;
    for (const cell of cells) {
      if (cell.kind === 'input' && cell.field.id === 'introduction') {
        cell.field.type = 'longText';
        cell.field.maxLength = maxLength;
        delete cell.field.aboutLength;
      }
    }
  }
  return form as FormDefinition;
}
