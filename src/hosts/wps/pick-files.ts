import { NOTICE_FILE_EXTENSIONS } from '../../core/import/notice-files';
import { XL } from './et-values';
import type { EtApplicationSurface } from './wps-surface';

/**
 * Files for merge and import chosen where the pane's own <input type=file> cannot be relied on: whether it works in
 * WPS's task pane no source says (../shared/research/wps-addin.md §3, "unknown"), while WPS's own dialog and file
 * reader are on record —
 * - `Application.FileDialog(3)` (msoFileDialogFilePicker), `AllowMultiSelect`, `Show()` (-1 when chosen, 0 when
 *   cancelled: VBA; a public WPS Writer add-in tests `if (dialog.Show())`), `SelectedItems.Item(i)` (platform_v7
 *   etoa_2.1 importDoc.js);
 * - `wps.FileSystem.ReadFileAsArrayBuffer(path)`, synchronous, byte-identical for 245 KB–13.3 MB files with Chinese
 *   paths on UOS (the UOS adapter's record; another public add-in feeds it straight to SheetJS).
 *
 * The bytes become `File` objects, which the pane's worker takes as it takes the files of its own chooser (they are
 * posted to it, and a File is cloned where a plain object with methods is not): the same worker merge and the same
 * .docx import. `file://` reads are blocked in WPS's CEF (the UOS adapter), so nothing is fetched.
 */

export interface PickOptions {
  /** The dialog's title. */
  title: string;
  multiple: boolean;
  /** Offered kinds: a description and extensions without dots (["xlsx", "xls"]). */
  filter?: { description: string; extensions: readonly string[] };
}

export interface PickedFiles {
  /** The files read, in the order chosen. */
  files: File[];
  /** Files chosen but not read, each with the Chinese reason, for the pane to show. */
  unreadable: { name: string; reason: string }[];
  /** The clerk closed the dialog without choosing. */
  cancelled: boolean;
}

/** A path's last part, whether its folders are split by / (Linux, 信创) or \ (Windows). */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

/** The paths the clerk chose in WPS's file dialog, or none when cancelled. */
export function choosePaths(app: EtApplicationSurface, options: PickOptions): string[] | undefined {
  const dialog = app.FileDialog(XL.filePicker);
  dialog.Title = options.title;
  dialog.AllowMultiSelect = options.multiple;
  if (options.filter) {
    try {
      const filters = dialog.Filters;
      filters.Clear();
      filters.Add(options.filter.description, options.filter.extensions.map((e) => `*.${e}`).join(';'));
    } catch {
      // every file offered: the merge and the import tell the kinds apart themselves
    }
  }
  // -1 (VBA's True) when chosen; 0 or false when cancelled
  if (!dialog.Show()) return undefined;
  const chosen = dialog.SelectedItems;
  const paths: string[] = [];
  for (let i = 1; i <= chosen.Count; i++) paths.push(chosen.Item(i));
  return options.multiple ? paths : paths.slice(0, 1);
}

/**
 * Reads chosen files through `wps.FileSystem`: each file's bytes (synchronous), and the time it was saved where
 * `stat` gives one (typings only: where it throws, the time of reading stands in, as for a file with no date).
 */
export function readPaths(
  app: EtApplicationSurface,
  paths: readonly string[],
  now: () => number = Date.now,
): Omit<PickedFiles, 'cancelled'> {
  const fs = app.FileSystem;
  const files: File[] = [];
  const unreadable: PickedFiles['unreadable'] = [];
  for (const path of paths) {
    const name = baseName(path);
    let bytes: ArrayBuffer;
    try {
      bytes = fs.ReadFileAsArrayBuffer(path);
      // told by its shape, not instanceof: a buffer made by the host may come from another realm than the page's
      if (typeof (bytes as { byteLength?: unknown } | null)?.byteLength !== 'number') throw new Error('no bytes');
    } catch {
      unreadable.push({ name, reason: '无法读取此文件：文件可能已被移动、删除或正被其他程序使用。' });
      continue;
    }
    let modified = now();
    try {
      const mtime = fs.stat(path).mtimeMs;
      if (typeof mtime === 'number' && Number.isFinite(mtime) && mtime > 0) modified = mtime;
    } catch {
      // no date from the host: the time of reading
    }
    files.push(new File([bytes], name, { lastModified: modified }));
  }
  return { files, unreadable };
}

/** The dialog for a notice: one Word file (the merge host's 新表格 and the pane's 用 WPS 选择通知… alike). */
export const NOTICE_DIALOG: PickOptions = {
  title: '选择通知及其附件（可多选）',
  // the notice and its 附件 files at once, as the pane's own chooser takes them (issue 21 §2)
  multiple: true,
  filter: { description: '通知和附件（Word、Excel、WPS 表格文件）', extensions: NOTICE_FILE_EXTENSIONS },
};

/** Files chosen in WPS's dialog and read: none, `cancelled`, when the clerk closed it. */
export function pickFiles(app: EtApplicationSurface, options: PickOptions, now: () => number = Date.now): PickedFiles {
  const paths = choosePaths(app, options);
  if (!paths) return { files: [], unreadable: [], cancelled: true };
  return { ...readPaths(app, paths, now), cancelled: false };
}
