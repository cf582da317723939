import { promises as fs, type Dirent } from 'fs';
import * as path from 'path';
import { UserError } from '../../core/errors';
import { fileRole, isSearchedFolderName, packageFolderRole, type FileRole } from '../../core/merge/return-files';

/** A file named on the command line or found in a folder, with what it is by the core's rule. */
export interface FoundInput {
  /** The path as the clerk gave it (a folder's files joined onto the folder as given). */
  file: string;
  fullPath: string;
  role: Exclude<FileRole, { role: 'ignored' }>;
}

export interface FoundInputs {
  /** Returns and other documents, in the order given (a folder's files by name, then its folders). */
  found: FoundInput[];
  /** Paths given that do not exist. */
  missing: string[];
  /** Lock and system files left out, as given or found. */
  ignored: string[];
}

const isMissing = (err: unknown) => ['ENOENT', 'ENOTDIR'].includes((err as NodeJS.ErrnoException).code ?? '');

async function entriesOf(folder: string, shown: string): Promise<Dirent[]> {
  try {
    return (await fs.readdir(folder, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' || code === 'EPERM' ? '没有读取权限' : (code ?? String(err));
    throw new UserError('unreadable', `无法读取文件夹 ${shown}：${why}。`);
  }
}

/**
 * The files to merge: every path given, folders searched recursively (hidden and system folders left out), each file
 * named once, and the paths in `leaveOut` (this run's own outputs and roster) left out.
 */
export async function findInputs(inputs: readonly string[], cwd: string, leaveOut: readonly string[] = []): Promise<FoundInputs> {
  const result: FoundInputs = { found: [], missing: [], ignored: [] };
  const seen = new Set(leaveOut.map((p) => path.resolve(cwd, p)));
  const addFile = (file: string, fullPath: string) => {
    if (seen.has(fullPath)) return;
    seen.add(fullPath);
    const role = fileRole(path.basename(fullPath));
    if (role.role === 'ignored') result.ignored.push(file);
    else result.found.push({ file, fullPath, role });
  };
  const search = async (folder: string, fullPath: string): Promise<void> => {
    const folders: [string, string][] = [];
    for (const entry of await entriesOf(fullPath, folder)) {
      const file = path.join(folder, entry.name);
      const full = path.join(fullPath, entry.name);
      // A link is followed to a file, never to a folder (which could lead back to itself).
      const isFile = entry.isFile() || (entry.isSymbolicLink() && (await fs.stat(full).catch(() => undefined))?.isFile());
      const asDocument = !isFile && entry.isDirectory() ? packageFolderRole(entry.name) : undefined;
      if (isFile) addFile(file, full);
      else if (asDocument?.role === 'other' && !seen.has(full)) {
        seen.add(full);
        result.found.push({ file, fullPath: full, role: asDocument });
      } else if (entry.isDirectory() && isSearchedFolderName(entry.name)) folders.push([file, full]);
    }
    for (const [file, full] of folders) await search(file, full);
  };
  for (const input of inputs) {
    const fullPath = path.resolve(cwd, input);
    let isFolder: boolean;
    try {
      isFolder = (await fs.stat(fullPath)).isDirectory();
    } catch (err) {
      if (isMissing(err)) {
        result.missing.push(input);
        continue;
      }
      isFolder = false; // read as a file, which gives the reason it cannot be
    }
    if (isFolder) await search(input, fullPath);
    else addFile(input, fullPath);
  }
  return result;
}

/** The paths given that do not exist. */
export async function missingPaths(inputs: readonly string[], cwd: string): Promise<string[]> {
  const missing: string[] = [];
  for (const input of inputs) {
    const gone = await fs.stat(path.resolve(cwd, input)).then(
      () => false,
      (err: unknown) => isMissing(err),
    );
    if (gone) missing.push(input);
  }
  return missing;
}
