import type { CellRange } from '../a1';
import { cellText, toHalfWidth, type CellValue } from '../cell-value';

/** A sheet's cell values from A1, row by row (rows may be ragged or short). */
export type Grid = readonly (readonly CellValue[] | undefined)[];

/**
 * A label as people retype it, reduced to what identifies it: half-width, without spaces (a clerk spaces out
 * "联 系 人"), without the colon or the required-field star around it.
 */
export function labelKey(text: string): string {
  return toHalfWidth(text)
    .replace(/\s/g, '')
    .replace(/^\*+|[:*]+$/g, '');
}

/** The same label without what its brackets add ("服务内容(50字内)" → "服务内容"): a retyped form often drops it. */
export function shortLabelKey(key: string): string {
  return key.replace(/\([^()]*\)/g, '');
}

/** Where a label stands in a sheet; `inline` is the value a clerk wrote after its colon in the same cell. */
export interface LabelHit {
  row: number;
  col: number;
  inline?: string;
}

/** Cells inside merged areas that are looked up; a form has a few hundred at most. */
const MAX_COVERED_CELLS = 200_000;

/** What a cell holds once a merged area is taken into account. */
export class SheetCells {
  /** Top-left corner of the merged area that covers a cell, by "row:col", for cells other than the corner. */
  private readonly coveredBy = new Map<string, { row: number; col: number }>();
  /** A merged area by its top-left corner. */
  private readonly areas = new Map<string, CellRange>();

  constructor(
    readonly grid: Grid,
    merges: readonly CellRange[] = [],
  ) {
    let budget = MAX_COVERED_CELLS;
    for (const m of merges) {
      // A hostile file may declare absurd or countless areas; a form's merged areas are few and small.
      if (m.bottom - m.top > 400 || m.right - m.left > 60 || m.top < 0 || m.left < 0) continue;
      budget -= (m.bottom - m.top + 1) * (m.right - m.left + 1);
      if (budget < 0) break;
      this.areas.set(`${m.top}:${m.left}`, m);
      for (let r = m.top; r <= m.bottom; r++)
        for (let c = m.left; c <= m.right; c++)
          if (r !== m.top || c !== m.left) this.coveredBy.set(`${r}:${c}`, { row: m.top, col: m.left });
    }
  }

  get rowCount(): number {
    return this.grid.length;
  }

  /** The cell's own value. */
  raw(row: number, col: number): CellValue {
    return this.grid[row]?.[col] ?? null;
  }

  /**
   * The value of a field's cell: a cell under the corner of a merged area (a list value merged over several rows)
   * shows the area's value; a cell beside it does not, being another column's field.
   */
  at(row: number, col: number): CellValue {
    const own = this.raw(row, col);
    if (own !== null && own !== undefined && own !== '') return own;
    const corner = this.coveredBy.size ? this.coveredBy.get(`${row}:${col}`) : undefined;
    return corner && corner.col === col ? this.raw(corner.row, corner.col) : own;
  }

  /** Whether the cell is part of a merged area but not its corner. */
  covered(row: number, col: number): boolean {
    return this.coveredBy.has(`${row}:${col}`);
  }

  /** The last column of the merged area that starts at the cell, or the cell's own column. */
  rightOf(row: number, col: number): number {
    return this.areas.get(`${row}:${col}`)?.right ?? col;
  }

  /** The last row of the merged area that starts at the cell, or the cell's own row. */
  bottomOf(row: number, col: number): number {
    return this.areas.get(`${row}:${col}`)?.bottom ?? row;
  }

  rowLength(row: number): number {
    return this.grid[row]?.length ?? 0;
  }
}

/** Every text cell of a sheet by its label key (and its short key), to find a form's labels wherever they are. */
export class LabelIndex {
  private readonly hits = new Map<string, LabelHit[]>();

  constructor(grid: Grid) {
    grid.forEach((cells, row) => {
      cells?.forEach((value, col) => {
        if (typeof value !== 'string' || value.length > 400) return;
        const key = labelKey(value);
        if (!key) return;
        this.add(key, { row, col });
        const short = shortLabelKey(key);
        if (short && short !== key) this.add(short, { row, col });
        // "填报单位：杨浦区卫生系统工会" in one cell: the label, and the value after its colon.
        const colon = /[:：]/.exec(value);
        if (colon && colon.index > 0) {
          const head = labelKey(value.slice(0, colon.index));
          const inline = cellText(value.slice(colon.index + 1));
          if (head && inline) {
            this.add(head, { row, col, inline });
            const shortHead = shortLabelKey(head);
            if (shortHead && shortHead !== head) this.add(shortHead, { row, col, inline });
          }
        }
      });
    });
  }

  private add(key: string, hit: LabelHit): void {
    const list = this.hits.get(key);
    if (list) list.push(hit);
    else this.hits.set(key, [hit]);
  }

  /** Where the label stands, by its full key or else its short key, top to bottom and left to right. */
  find(key: string): readonly LabelHit[] {
    const full = this.hits.get(key);
    if (full?.length) return full;
    const short = shortLabelKey(key);
    return (short && this.hits.get(short)) || [];
  }

  /** Whether a cell holds one of the given label keys (a form's own label is never a value). */
  has(key: string): boolean {
    return this.hits.has(key);
  }
}
