/**
 * Files chosen through the host's own file dialog instead of the pane's <input type=file>: in WPS 表格,
 * Application.FileDialog and wps.FileSystem (hosts/wps/pick-files.ts), since no source says whether the pane's own
 * chooser works in WPS's task pane. Excel's host offers no such dialog.
 */
export interface ChosenFiles<F> {
  /** The files read, in the order chosen: the same kind of object the pane's own chooser gives. */
  files: F[];
  /** Files chosen but not read, each with its Chinese reason. */
  unreadable: { name: string; reason: string }[];
  /** The clerk closed the dialog without choosing: nothing is to change. */
  cancelled: boolean;
}

/** Opens the host's dialog and reads what the clerk chose. */
export type ChooseFiles<F> = () => Promise<ChosenFiles<F>>;
