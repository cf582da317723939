import type { EnvelopeNotice } from '../core/definition-envelope';
import { UserError } from '../core/errors';
import type { FormDefinition } from '../core/form-schema';
import type { DocBlock } from '../core/import/docx-model';
import type { Guess } from '../core/import/guess-log';
import { importGrid } from '../core/import/import-grid';
import { importNotice } from '../core/import/import-notice';
import type { NoticeFacts } from '../core/import/notice-facts';
import type { SelectedGrid } from '../core/import/selected-grid';

/**
 * Forms imported from a notice's Word file or from a selection in a sheet, ready to be reviewed and saved (issue 13):
 * the one path the command line's `import` and the pane's 新表格 share.
 */
export interface FormDraft {
  form: FormDefinition;
  /** What the definition's envelope says of its notice (core/definition-envelope.ts). */
  notice: EnvelopeNotice;
  /** The decisions made for this form, for a person to check. */
  guesses: Guess[];
}

export interface NoticeImport {
  facts: NoticeFacts;
  drafts: FormDraft[];
  /** The decisions about the notice itself (文号, title, issuer, date, 届次). */
  noticeGuesses: Guess[];
  /** Attachments without a table, named. */
  skipped: string[];
  /** Symbols of fonts the reader does not know, read as □. */
  unknownSymbols: string[];
}

/** A notice's Word content → one draft per attachment form; a Chinese UserError when it has none. */
export function importNoticeForms(read: { blocks: readonly DocBlock[]; unknownSymbols: readonly string[] }): NoticeImport {
  const result = importNotice(read.blocks);
  if (result.forms.length === 0)
    throw new UserError('unreadable', '通知中没有找到带表格的附件（“附件N”一行之后的表格）。请确认这是通知的 Word 原文。');
  const issuer = result.facts.issuer;
  const drafts = result.forms.map((form) => ({
    form,
    notice: { title: form.notice.title, docNo: form.notice.docNo, ...(issuer ? { issuer } : {}) },
    guesses: result.guesses.filter((g) => g.where === form.notice.attachment),
  }));
  return {
    facts: result.facts,
    drafts,
    noticeGuesses: result.guesses.filter((g) => g.where === '通知'),
    skipped: result.skipped,
    unknownSymbols: [...read.unknownSymbols],
  };
}

/** A block of cells selected in a sheet → a draft form (issue 13 §2). */
export function importSelectedForm(grid: SelectedGrid, today: string): FormDraft {
  const { form, guesses } = importGrid(grid, today);
  return { form, notice: { title: form.notice.title, docNo: form.notice.docNo }, guesses };
}
