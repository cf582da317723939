import type { MergePreview } from './merge-protocol';

/**
 * The open workbook's preview with what its reading noted (a sheet too big to read whole was read in part) added to
 * the workbook's line, the same for Excel and WPS.
 */
export function withWorkbookNotes(preview: MergePreview, notes: readonly string[]): MergePreview {
  const [input] = preview.inputs;
  if (input && notes.length) input.message = [input.message, ...notes].filter(Boolean).join(' ');
  return preview;
}
