import { UserError } from '../../core/errors';

/**
 * WPS's bridge reports a refused call as a thrown error whose text no source documents (no error codes as Office.js
 * has), so the clerk is told in Chinese which step WPS refused and what usually causes it, never the raw text.
 */
export const WPS_BUSY_HINT = '如果正在编辑某个单元格或开着对话框，请先按 Enter 或 Esc 结束，再试一次；工作表或工作簿受保护时也会这样。';

/** A step of ours that WPS refused, carrying the Chinese name of the step. */
export class WpsStepError extends Error {
  constructor(
    readonly step: string,
    readonly cause: unknown,
  ) {
    super(`WPS refused: ${step}`);
    this.name = 'WpsStepError';
  }
}

/** Runs one step; a throw becomes a WpsStepError naming it. */
export function step<T>(name: string, work: () => T): T {
  try {
    return work();
  } catch (err) {
    if (err instanceof WpsStepError) throw err;
    throw new WpsStepError(name, err);
  }
}

/** The Chinese reason for a failure: the refused step when known. */
export function describeWpsError(err: unknown): string {
  if (err instanceof UserError) return err.message;
  if (err instanceof WpsStepError) return `WPS 表格没有完成“${err.step}”这一步。${WPS_BUSY_HINT}`;
  return `WPS 表格没有完成这次操作。${WPS_BUSY_HINT}`;
}

/** A UserError for the pane: what could not be done, then why. */
export function wpsUserError(what: string, err: unknown): UserError {
  if (err instanceof UserError) return err;
  return new UserError('wps', `${what}：${describeWpsError(err)}`);
}
