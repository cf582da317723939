/**
 * Inserts a planned form into the active WPS workbook as a new sheet after the last one, under a name no sheet has.
 * Everything is worked out and checked first (draw-prepare.ts); if a call fails while drawing, the new sheet is
 * deleted again and the sheet shown before is shown: the clerk's own sheets are never written to.
 */
import { UserError } from '../../core/errors';
import { uniqueSheetName } from '../../core/sheet-names';
import type { SheetPlan } from '../../core/sheet-plan';
import type { InsertedForm } from '../office/insert-form';
import { drawPrepared, type OptionalPart } from './draw-plan';
import { prepareDrawing } from './draw-prepare';
import { withAlertsOff, withScreenUpdatingOff } from './et-values';
import { describeWpsError, step } from './summary-errors';
import type { EtApplicationSurface, EtWorksheetSurface } from './wps-surface';

export interface InsertedFormWps extends InsertedForm {
  /** Parts the host refused and the form does without (draw-plan.ts). */
  skipped: OptionalPart[];
  /** How many of the plan's conditional formats the host refused. */
  refusedConditions: number;
}

export interface InsertOptionsWps {
  /** Told when the add-in's own writes start; the function it returns is called when they end (live checking). */
  ownWrites?: { begin(): () => void };
}

/**
 * ET has no sheet ids: the sheet's name stands for it (`sheetId`), as live checking finds sheets by name in WPS.
 */
export function insertFormWps(app: EtApplicationSurface, plan: SheetPlan, options: InsertOptionsWps = {}): InsertedFormWps {
  const drawing = prepareDrawing(plan);

  let book;
  let names: string[];
  let shown: EtWorksheetSurface | undefined;
  try {
    book = app.ActiveWorkbook;
    const sheets = book.Worksheets;
    const count = sheets.Count;
    names = [];
    for (let i = 1; i <= count; i++) names.push(sheets.Item(i).Name);
    shown = book.ActiveSheet;
  } catch (err) {
    throw new UserError('wps', `无法读取工作簿：${describeWpsError(err)}`);
  }
  const sheetName = uniqueSheetName(plan.sheetName, names);

  const done = options.ownWrites?.begin();
  try {
    return withScreenUpdatingOff(app, () =>
      withAlertsOff(app, () => {
        const sheets = book.Worksheets;
        let ws: EtWorksheetSurface | undefined;
        try {
          ws = step('新建工作表', () => sheets.Add(null, sheets.Item(names.length)));
          const added = ws;
          step('给工作表命名', () => {
            added.Name = sheetName;
            added.Activate();
          });
          const result = drawPrepared(ws, drawing, () => {
            app.ActiveWindow.DisplayGridlines = false;
          });
          return { sheetName, sheetId: sheetName, skipped: result.skipped, refusedConditions: result.refusedConditions };
        } catch (err) {
          throw new UserError('wps', insertFailure(sheetName, err, removeHalfDrawn(ws, shown)));
        }
      }),
    );
  } finally {
    done?.();
  }
}

/** Deletes the half-drawn sheet (DisplayAlerts is off here) and shows the sheet shown before; the error if it could not. */
function removeHalfDrawn(ws: EtWorksheetSurface | undefined, shown: EtWorksheetSurface | undefined): unknown {
  if (!ws) return undefined;
  try {
    ws.Delete();
    shown?.Activate();
    return undefined;
  } catch (err) {
    return err ?? new Error('');
  }
}

function insertFailure(sheetName: string, err: unknown, cleanUpError: unknown): string {
  const why = describeWpsError(err);
  if (cleanUpError === undefined) return `插入“${sheetName}”失败，已撤销：${why}`;
  return `插入“${sheetName}”失败，且未能撤销：${why}撤销时：${describeWpsError(cleanUpError)}如果工作簿中有只画了一部分的工作表“${sheetName}”，请删除它。`;
}
