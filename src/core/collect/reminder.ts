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
  if (!missing.length && !partial.length) return undefined;
  const common = commonDeadline(roster);
  const lines = [`【催报】${options.subject}`, `截至${chineseDate(options.today)}，`];
  if (missing.length) {
    const owed = missing[0]!.forms.map((f) => formWithDeadline(f.title, f.deadline, common)).join('、');
    lines.push(`以下 ${missing.length} 个单位尚未报送（应报：${owed}）：`, missing.map((u) => u.unit).join('、'));
  }
  if (partial.length) {
    lines.push(`以下 ${partial.length} 个单位尚缺表格：`);
    for (const u of partial)
      lines.push(
        `${u.unit}：${u.forms
          .filter((f) => !f.submitted)
          .map((f) => formWithDeadline(f.title, f.deadline, common))
          .join('、')}`,
      );
  }
  if (!common) lines.push('请尽快报送，谢谢！');
  else if (common < options.today) lines.push(`报送截止日期（${chineseDate(common)}）已过，请尽快报送，谢谢！`);
  else lines.push(`请于${chineseDate(common)}前报送，谢谢！`);
  if (options.from) lines.push(options.from);
  return lines.join('\n');
}
