import { LiveChecking, type LiveCheckingOptions } from '../live/live-checking';
import type { ApiSupport } from './api-support';
import type { ExcelRun } from './excel-surface';
import { OfficeLivePort } from './live-port';
import type { OwnWrites } from './own-writes';

export type { LiveSheetProblems, PaintPolicy, ValidationState } from '../live/live-checking';

/** Live checking's options in Excel: the catalogue is handed in (hosts import neither the app nor the notices). */
export type LiveValidationOptions = LiveCheckingOptions;

/**
 * Live checking in Excel: the shared live checking (hosts/live/live-checking.ts) on the Office.js port
 * (live-port.ts). A change is re-checked in one sync (two when painting), finding the forms takes two.
 */
export class LiveValidation extends LiveChecking {
  constructor(run: ExcelRun, support: ApiSupport, ownWrites: OwnWrites, options: LiveValidationOptions) {
    super(new OfficeLivePort(run, support), options);
    // An insert switches events off for its sync: an edit made meanwhile raised none. Re-read once it is over.
    ownWrites.onEnded(() => this.afterOwnWrites());
  }
}
