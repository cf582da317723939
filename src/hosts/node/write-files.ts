import { promises as fs } from 'fs';
import * as path from 'path';
import { UserError } from '../../core/errors';

export interface PendingFile {
  path: string;
  data: Uint8Array;
}

function reason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return '文件夹不存在';
    case 'EACCES':
    case 'EPERM':
      return '没有写入权限';
    case 'EROFS':
      return '磁盘只读';
    case 'ENOSPC':
      return '磁盘空间不足';
    case 'EISDIR':
      return '这是一个文件夹';
    case 'ENOTDIR':
      return '路径中有一段不是文件夹';
    default:
      return code ?? String(err);
  }
}

async function exists(p: string): Promise<boolean> {
  try {
    await fs.lstat(p);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes every file or none: each goes to a temporary name beside its target first, and only when all are
 * written are they renamed into place. Existing files are kept unless `overwrite`.
 */
export async function writeAllOrNothing(files: readonly PendingFile[], overwrite: boolean): Promise<void> {
  if (!overwrite) {
    for (const f of files) {
      if (await exists(f.path)) throw new UserError('exists', `文件已存在：${f.path}（如需覆盖，请加 --force）。`);
    }
  }
  const temps: string[] = [];
  const placed: string[] = [];
  try {
    for (const f of files) {
      const temp = path.join(path.dirname(f.path), `.${path.basename(f.path)}.${process.pid}.tmp`);
      temps.push(temp);
      try {
        await fs.writeFile(temp, f.data, { flag: 'wx' });
      } catch (err) {
        throw new UserError('unwritable', `无法写入 ${f.path}：${reason(err)}。`);
      }
    }
    for (const [i, f] of files.entries()) {
      try {
        await fs.rename(temps[i] as string, f.path);
      } catch (err) {
        throw new UserError('unwritable', `无法写入 ${f.path}：${reason(err)}。`);
      }
      placed.push(f.path);
    }
  } catch (err) {
    await Promise.all(temps.map((t) => fs.rm(t, { force: true })));
    if (!overwrite) await Promise.all(placed.map((p) => fs.rm(p, { force: true })));
    throw err;
  }
}

export async function ensureDirectory(dir: string): Promise<void> {
  try {
    await fs.mkdir(dir, { recursive: true });
  } catch (err) {
    throw new UserError('unwritable', `无法创建文件夹 ${dir}：${reason(err)}。`);
  }
}
