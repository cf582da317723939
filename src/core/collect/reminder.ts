import type { UnitStatus } from './collection-status';

/**
 * 催报 (issue 14 §2): a short Chinese message, ready to paste into a work chat or an e-mail, naming the roster units
 * that sent nothing and, for those that sent part, the forms they still owe, with the deadline.
 */
export interface ReminderOptions {
  /** What is being collected, e.g. the notice's title. */
  subject: string;
  /** Today, YYYY-MM-DD. */
  today: string;
  /** Who signs it, e.g. 市职工技协. */
  from?: string;
}

/** 2017-05-12 → 2017年5月12日. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${d}日`;
}

/** The one deadline when every owed form shares it, else none (each form then says its own). */
function commonDeadline(units: readonly UnitStatus[]): string | undefined {
  const all = new Set(units.flatMap((u) => u.forms.map((f) => f.deadline ?? '')));
  return all.size === 1 ? [...all][0] || undefined : undefined;
}

const formWithDeadline = (title: string, deadline: string | undefined, common: string | undefined): string =>
  deadline && deadline !== common ? `${title}（${chineseDate(deadline)}前）` : title;

/** The message, or undefined when every roster unit has sent everything it owes. */
export function reminderText(units: readonly UnitStatus[], options: ReminderOptions): string | undefined {
  const roster = units.filter((u) => u.onRoster);
  const missing = roster.filter((u) => u.status === 'missing');
  const partial = roster.filter((u) => u.status === 'partial');
  const wrongForm = roster.filter((u) => u.forms.some((f) => f.otherEdition));
  if (!missing.length && !partial.length && !wrongForm.length) return undefined;
  const common = commonDeadline(roster);
  const lines = [`【催报】${options.subject}`, `截至${chineseDate(options.today)}，`];
  if (missing.length) {
    const owed = missing[0]!.forms.map((f) => formWithDeadline(f.title, f.deadline, common)).join('、');
    lines.push(`以下 ${missing.length} 个单位尚未报送（应报：${owed}）：`, missing.map((u) => u.unit).join('、'));
  }
  const owedNow = (u: UnitStatus) => u.forms.filter((f) => !f.submitted && !f.otherEdition);
  const stillOwing = partial.filter((u) => owedNow(u).length > 0);
  if (stillOwing.length) {
    lines.push(`以下 ${stillOwing.length} 个单位尚缺表格：`);
    for (const u of stillOwing)
      lines.push(
        `${u.unit}：${owedNow(u)
          .map((f) => formWithDeadline(f.title, f.deadline, common))
          .join('、')}`,
      );
  }
  if (wrongForm.length) {
    // 已报（届次不符）: they did send, on another 届次's form; ask for this one's, never call them 未报送.
    lines.push(`以下 ${wrongForm.length} 个单位报送的表格届次或年度不符（不能计入本次汇总），请用本届表格重新报送：`);
    for (const u of wrongForm)
      lines.push(
        `${u.unit}：${u.forms
          .filter((f) => f.otherEdition)
          .map((f) =>
            f.editions ? `报来的是《${f.editions.sent}》，请报《${f.editions.wanted}》` : formWithDeadline(f.title, f.deadline, common),
          )
          .join('；')}`,
      );
  }
  if (!common) lines.push('请尽快报送，谢谢！');
  else if (common < options.today) lines.push(`报送截止日期（${chineseDate(common)}）已过，请尽快报送，谢谢！`);
  else lines.push(`请于${chineseDate(common)}前报送，谢谢！`);
  if (options.from) lines.push(options.from);
  return lines.join('\n');
}
