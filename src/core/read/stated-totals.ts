import { cellAddress } from '../a1';
import { cellText, toHalfWidth, type CellValue } from '../cell-value';
import type { FieldSlot } from '../sheet-plan';

/**
 * A row a clerk added under a list to total it ("合计 1160", "小计 60", "合计：5人"): never a record, never summed.
 * The reader takes it out of the list and keeps what it states, so the checker can compare it with the rows.
 */
export interface StatedTotal {
  table: string;
  /** The list row it stood in (its index among the list's rows as read). */
  index: number;
  /** The words that made it a total (合计、小计…), as typed in its first text cell. */
  label: string;
  /** Every filled cell of the row: the field it stands under, its cell (A1) and the value as typed. */
  cells: { slot: FieldSlot; cell: string; value: CellValue }[];
}

/**
 * A total's first text: 合计/小计/总计/共计 (spaces between the characters allowed), optionally after a scope word
 * (本页、本表、本单位、全区、以上), and then nothing, a space, a colon, a bracket or a number — so "合计：5人" and
 * "合 计" are totals while a project named "总计划编制培训" is not.
 */
const TOTAL_WORDS =
  /^(?:本页|本表|本单位|全区|全系统|以上|上述)?([合小总共])\s*计(?=$|[\s:：(（\d〇零一二两三四五六七八九十]|[人项个支队名家次条])/;

/** The total's word (合计、小计…) when the text opens a total row, else undefined. */
export function totalWord(text: string): string | undefined {
  const m = TOTAL_WORDS.exec(toHalfWidth(text).trim());
  return m ? `${m[1]}计` : undefined;
}

/**
 * Splits a list's read rows into records and stated totals. A row is a total when its first text, left to right,
 * is a total word; numbers before it (a 序号) do not count as text.
 */
export function findStatedTotals(
  slots: readonly FieldSlot[],
  values: readonly CellValue[],
): { totals: StatedTotal[]; totalSlots: ReadonlySet<number> } {
  const rows = new Map<string, number[]>();
  slots.forEach((slot, at) => {
    if (slot.tableId === undefined || slot.index === undefined) return;
    const key = `${slot.tableId}\u0000${slot.index}`;
    const list = rows.get(key);
    if (list) list.push(at);
    else rows.set(key, [at]);
  });
  const totals: StatedTotal[] = [];
  const totalSlots = new Set<number>();
  for (const ats of rows.values()) {
    const ordered = [...ats].sort((a, b) => (slots[a] as FieldSlot).col - (slots[b] as FieldSlot).col);
    const firstText = ordered
      .map((at) => values[at])
      .find((v) => typeof v === 'string' && cellText(v) !== '' && !/^\d+$/.test(cellText(v)));
    const word = typeof firstText === 'string' ? totalWord(firstText) : undefined;
    if (!word) continue;
    const first = slots[ordered[0] as number] as FieldSlot;
    totals.push({
      table: first.tableId as string,
      index: first.index as number,
      label: word,
      cells: ordered
        .filter((at) => cellText(values[at]) !== '')
        .map((at) => {
          const slot = slots[at] as FieldSlot;
          return { slot, cell: cellAddress(slot.row, slot.col), value: values[at] };
        }),
    });
    for (const at of ats) totalSlots.add(at);
  }
  return { totals, totalSlots };
}
