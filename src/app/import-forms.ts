import type { EnvelopeNotice } from '../core/definition-envelope';
import { UserError } from '../core/errors';
import type { FormDefinition } from '../core/form-schema';
import type { DocBlock } from '../core/import/docx-model';
import type { Guess } from '../core/import/guess-log';
import { importGrid } from '../core/import/import-grid';
import { importNotice } from '../core/import/import-notice';
import type { NoticeFacts } from '../core/import/notice-facts';
import { GuessLog } from '../core/import/guess-log';
import { noticeSet, type NoticePart } from '../core/import/notice-set';
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
  /** For a notice in several files: which file was read as the notice, and each attachment file's 附件N. */
  files?: {
    notice?: string;
    attachments: { file: string; heading: string }[];
    /** Files and sheets not imported (a .doc not converted, a PDF, a sheet without a table), one Chinese sentence each. */
    unread: string[];
  };
}

const NO_ATTACHMENT = '通知中没有找到带表格的附件（“附件”之后的表格，或正文列出标题的表格）。请确认这是通知的 Word 原文。';
/** The attachments the notice's body lists ("附件：1．… 2．…") when none of their tables is in this file. */
const LISTED_ELSEWHERE = (titles: readonly string[]) =>
  `通知中没有找到带表格的附件：正文列出的附件（${titles.map((t) => `“${t}”`).join('、')}）不在这个文件里，可能是单独的文件。`;
const SEPARATE_FILES = '如果附件是单独的文件，请把通知和附件一起导入（一次选中全部文件，或 union-forms import <文件夹>）。';

/** A notice's Word content → one draft per attachment form; a Chinese UserError when it has none. */
export function importNoticeForms(read: { blocks: readonly DocBlock[]; unknownSymbols: readonly string[] }): NoticeImport {
  return formsOf(read.blocks, read.unknownSymbols, [], noAttachment);
}

/** A notice alone without the tables of its attachments: the ones its body lists named, then how to import them. */
const noAttachment = (listed: readonly string[]) => (listed.length > 0 ? LISTED_ELSEWHERE(listed) : NO_ATTACHMENT) + SEPARATE_FILES;

/** `none`: the verdict when no form is found, given the attachment titles the body lists. */
function formsOf(
  blocks: readonly DocBlock[],
  unknownSymbols: readonly string[],
  more: readonly Guess[],
  none: (listed: readonly string[]) => string,
): NoticeImport {
  const result = importNotice(blocks);
  if (result.forms.length === 0) throw new UserError('unreadable', none((result.listed ?? []).map((l) => l.title)));
  const issuer = result.facts.issuer;
  const guesses = [...more, ...result.guesses];
  const drafts = result.forms.map((form) => ({
    form,
    notice: { title: form.notice.title, docNo: form.notice.docNo, ...(issuer ? { issuer } : {}) },
    guesses: guesses.filter((g) => g.where === form.notice.attachment),
  }));
  return {
    facts: result.facts,
    drafts,
    noticeGuesses: guesses.filter((g) => g.where === '通知'),
    skipped: result.skipped,
    unknownSymbols: [...unknownSymbols],
  };
}

/**
 * A notice sent as several files (issue 21 §2) — the notice's .docx and its attachments as .docx or as an office's
 * own .xlsx form — → one draft per attachment form, each with the notice's 文号, title, issuer, 届次/年度 and
 * deadline. `unread`: the files that could not be read, one Chinese sentence each.
 */
export function importNoticeFiles(parts: readonly NoticePart[], unread: readonly string[] = []): NoticeImport {
  const set = noticeSet(parts);
  const more: Guess[] = [...set.guesses];
  if (!set.notice && parts.length > 0) {
    const log = new GuessLog('通知');
    log.undecided(
      '通知正文',
      '未找到',
      '所给的文件中没有一份读作通知（“关于…的通知”、文号）；表格中没有通知的文号、标题和截止日期，请把通知的 Word 文件一起导入',
    );
    more.push(...log.guesses);
  }
  const why = [...unread, ...set.skipped];
  const none =
    set.attachments.length === 0 && parts.length <= 1
      ? noAttachment
      : () => `所给的文件中没有找到带表格的附件${why.length > 0 ? `（${why.join('')}）` : '。'}`;
  const result = formsOf(set.blocks, set.unknownSymbols, more, none);
  return { ...result, files: { ...(set.notice ? { notice: set.notice } : {}), attachments: set.attachments, unread: why } };
}

/** A block of cells selected in a sheet → a draft form (issue 13 §2). */
export function importSelectedForm(grid: SelectedGrid, today: string): FormDraft {
  const { form, guesses } = importGrid(grid, today);
  return { form, notice: { title: form.notice.title, docNo: form.notice.docNo }, guesses };
}
