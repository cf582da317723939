import { fileVerdict, type FileVerdict } from '../core/check-sheets';
import type { ReturnFile } from '../core/merge/merge-returns';
import type { Catalogue } from '../core/notice-catalogue';

/**
 * `validate` as one application step: each read return's verdict, its sheets recognised exactly as the merge
 * recognises them (core/read/read-sheet.ts is the one path), or the reason it could not be read.
 */
export function validateReturn(file: ReturnFile, today: string, catalogue: Catalogue): FileVerdict {
  if ('unreadable' in file) return { file: file.file, status: 'unreadable', message: file.unreadable, sheets: [] };
  return fileVerdict(file.file, file.sheets, today, catalogue);
}
