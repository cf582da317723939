import { promises as fs } from 'fs';
import { UserError } from '../../core/errors';
import type { SheetToCheck } from '../../core/check-sheets';
import { readWorkbookFile } from '../xlsx/read-workbook';

export type ReadReturn = { modified: number; sheets: SheetToCheck[] } | { modified: number; unreadable: string };

function why(err: unknown): string {
  if (err instanceof UserError) return err.message;
  switch ((err as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return '找不到文件。';
    case 'EISDIR':
      return '这是一个文件夹。';
    case 'EACCES':
    case 'EPERM':
      return '没有读取权限。';
    default:
      return `无法读取：${(err as Error).message}`;
  }
}

/** A returned workbook from disk with its modified time, or the Chinese reason it cannot be read. */
export async function readReturnFile(fullPath: string): Promise<ReadReturn> {
  try {
    const [data, stat] = await Promise.all([fs.readFile(fullPath), fs.stat(fullPath)]);
    return { modified: stat.mtimeMs, sheets: readWorkbookFile(data) };
  } catch (err) {
    return { modified: 0, unreadable: why(err) };
  }
}
