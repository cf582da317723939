import { summarizeForm } from '../core/catalog';
import { collectionStatus, type UnitStatus } from '../core/collect/collection-status';
import { correctionSlips, type CorrectionSlip } from '../core/collect/correction-slips';
import { reminderText } from '../core/collect/reminder';
import type { MergeResult } from '../core/merge/merge-returns';
import type { Catalogue } from '../core/notice-catalogue';

/**
 * The city clerk's collection desk after a merge (issue 14): who has sent what, the 催报 message for those who have
 * not, and the 退回修改单 for those who must correct. One path for the command line and the pane.
 */
export interface DeskOptions {
  catalogue: Catalogue;
  /** The expected units; without a roster there is no status and no reminder, only slips. */
  roster?: readonly string[];
  /** The clerk's own deadline (YYYY-MM-DD) for every form, over the notices' own. */
  deadline?: string;
  /** When each file was saved (ms since 1970). */
  modifiedOf: (file: string) => number | undefined;
  /** Today, YYYY-MM-DD. */
  today: string;
}

export interface Desk {
  units: UnitStatus[];
  /** The 催报 message, when someone on the roster still owes something. */
  reminder: string | undefined;
  slips: CorrectionSlip[];
  counts: { complete: number; partial: number; otherEdition: number; missing: number; offRoster: number };
}

export function collectionDesk(result: MergeResult, options: DeskOptions): Desk {
  const deadlineOf = (formId: string): string | undefined => {
    const form = options.catalogue.findForm(formId);
    return form ? summarizeForm(form).deadline : undefined;
  };
  const units = options.roster?.length
    ? collectionStatus(result, { roster: options.roster, deadlineOf, deadline: options.deadline, modifiedOf: options.modifiedOf })
    : [];
  // What the reminder is about: the notices of the forms still owed by roster units.
  const owed = [...new Set(units.flatMap((u) => (u.onRoster ? u.forms.filter((f) => !f.submitted).map((f) => f.form) : [])))];
  const subjects = [
    ...new Set(
      owed.flatMap((id) => {
        const form = options.catalogue.findForm(id);
        return form ? [summarizeForm(form).noticeTitle] : [];
      }),
    ),
  ];
  const reminder = reminderText(units, { subject: subjects.join('、') || '表格报送', today: options.today });
  const onRoster = units.filter((u) => u.onRoster);
  return {
    units,
    reminder,
    slips: correctionSlips(result, { roster: options.roster, deadline: options.deadline }),
    counts: {
      complete: onRoster.filter((u) => u.status === 'complete').length,
      partial: onRoster.filter((u) => u.status === 'partial').length,
      otherEdition: onRoster.filter((u) => u.status === 'otherEdition').length,
      missing: onRoster.filter((u) => u.status === 'missing').length,
      offRoster: units.length - onRoster.length,
    },
  };
}
