/**
 * Fault injection over the strict fake Excel host: the points at which a sync can fail are generated from a clean
 * run of the same operation (its syncs and the operations each carried), so the lists follow the code.
 */
import { UserError } from '../../src/core/errors';
import type { ContextSurface } from '../../src/hosts/office/excel-surface';
import type { FakeExcelHost } from '../fake-excel/host';

/** The error codes injected: a passing fault inside Excel, and the person starting to edit a cell. */
export const CODES = ['GeneralException', 'InvalidOperationInCellEditMode'] as const;
export type Code = (typeof CODES)[number];

/** What the message must advise for each injected code. */
export const ADVICE: Record<Code, RegExp> = {
  GeneralException: /请稍后再试/,
  InvalidOperationInCellEditMode: /请先按 Enter 或 Esc 结束编辑/,
};

export interface Measured {
  /** Syncs the operation made. */
  syncs: number;
  /** Operations each of those syncs carried, in order. */
  operations: number[];
}

/** Runs the operation on a clean host and counts its syncs and their operations. */
export async function measure<T>(host: FakeExcelHost, operation: () => Promise<T>): Promise<Measured & { result: T }> {
  const before = host.syncCount;
  const result = await operation();
  const syncs = host.syncCount - before;
  return { syncs, operations: host.requestOperations.slice(host.requestOperations.length - syncs), result };
}

export interface FaultPoint {
  /** The operation's own sync, from 1. */
  sync: number;
  /** Operations of that sync that run before it fails (all of them: it fails once they ran, the answer lost). */
  afterOps: number;
  code: Code;
}

/**
 * Where each sync can fail: before its first operation, after the first, at the given fractions of its operations,
 * before its last and after its last (everything ran, the answer lost).
 */
export function faultPoints(measured: Measured, codes: readonly Code[] = CODES, fractions: readonly number[] = [0.5]): FaultPoint[] {
  const points: FaultPoint[] = [];
  measured.operations.forEach((ops, i) => {
    const offsets = new Set([0, 1, ...fractions.map((f) => Math.floor(ops * f)), ops - 1, ops]);
    for (const afterOps of [...offsets].filter((n) => n >= 0 && n <= ops).sort((a, b) => a - b))
      for (const code of codes) points.push({ sync: i + 1, afterOps, code });
  });
  return points;
}

export const label = (p: FaultPoint) => `sync ${p.sync} after ${p.afterOps} ops, ${p.code}`;

/** Arms the host to fail the operation's `point.sync`-th sync, counted from now. */
export function arm(host: FakeExcelHost, point: FaultPoint): number {
  const sync = host.syncCount + point.sync;
  host.options.failAt = { sync, afterOps: point.afterOps, code: point.code };
  return sync;
}

/**
 * The workbook as the clerk sees it and as the add-in leaves it — sheets, the one shown, XML parts, whether events
 * are on — as JSON: quick to take and to compare.
 */
export function fingerprint(host: FakeExcelHost): string {
  const sheets = host.state.sheets.map((s) => ({
    ...s,
    cells: [...s.cells],
    columnWidths: [...s.columnWidths],
    rowHeights: [...s.rowHeights],
    hiddenColumns: [...s.hiddenColumns],
    validations: [...s.validations],
    names: [...s.names],
  }));
  return JSON.stringify({
    sheets,
    active: host.state.activeSheetId,
    parts: host.state.customXmlParts,
    eventsEnabled: host.state.eventsEnabled,
  });
}

/** The same as data. */
export function snapshot(host: FakeExcelHost): Snapshot {
  return JSON.parse(fingerprint(host)) as Snapshot;
}
export interface Snapshot {
  sheets: { id: string; name: string; cells: [string, Record<string, unknown>][] }[];
  active: string | undefined;
  parts: { id: string; namespaceUri: string; xml: string }[];
  eventsEnabled: boolean;
}

/** Two fingerprints are the same workbook; if not, Jest shows where they differ. */
export function expectSame(why: string, actual: string, expected: string): void {
  if (actual === expected) return;
  expect([why, JSON.parse(actual)]).toEqual([why, JSON.parse(expected)]);
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: Error };

export async function outcome<T>(p: Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await p };
  } catch (err) {
    return { ok: false, error: err as Error };
  }
}

/** The error a failed operation must give: a UserError with one Chinese sentence. */
export function expectUserError(o: Outcome<unknown>): Error {
  if (o.ok) throw new Error('expected the operation to fail');
  expect(o.error).toBeInstanceOf(UserError);
  expect(o.error.message).toMatch(/[\u4e00-\u9fff]/);
  return o.error;
}

/** A person editing a cell from the `from`-th sync (absolute) for `count` syncs (Infinity: until told). */
export function editCellDuring(host: FakeExcelHost, from: number, count: number): void {
  const earlier = host.options.beforeSync;
  host.options.beforeSync = (n, operations) => {
    earlier?.(n, operations);
    if (n === from) host.options.cellEditMode = true;
    if (n === from + count) host.options.cellEditMode = false;
  };
}

/** A person's action run just before the `at`-th sync (absolute) reaches the workbook. */
export function actBefore(host: FakeExcelHost, at: number, action: () => void): void {
  const earlier = host.options.beforeSync;
  host.options.beforeSync = (n, operations) => {
    earlier?.(n, operations);
    if (n === at) action();
  };
}

/** Fails the next sync whose request holds an operation named `what` (before its first operation runs). */
export function failNextWith(host: FakeExcelHost, what: string, code: Code = 'GeneralException'): void {
  const earlier = host.options.beforeSync;
  let armed = true;
  host.options.beforeSync = (n, operations) => {
    earlier?.(n, operations);
    if (armed && operations.includes(what)) {
      armed = false;
      host.options.failAt = { sync: n, afterOps: 0, code };
    }
  };
}

export const runOn =
  (host: FakeExcelHost) =>
  <T>(batch: (context: ContextSurface) => Promise<T>): Promise<T> =>
    host.run(batch);

/** A sheet's cells without their fill, to compare everything the add-in must not change. */
export function withoutFills(sheets: Snapshot['sheets']): unknown {
  return sheets.map((s) => ({
    ...s,
    cells: s.cells.map(([k, c]) => [k, { ...c, fill: undefined }]),
  }));
}

/** Every filled cell of every sheet: "sheet!row:col" → colour. */
export function fills(host: FakeExcelHost): Map<string, string> {
  const out = new Map<string, string>();
  for (const sheet of host.state.sheets) for (const [k, c] of sheet.cells) if (c.fill !== undefined) out.set(`${sheet.name}!${k}`, c.fill);
  return out;
}
