import { useRef, useState } from 'react';
import type { ChooseFiles } from './chosen-files';
import type { HostFilesStrings } from './i18n';

/** What the pane says after the host's dialog: files that could not be read, or a dialog that would not open. */
export interface ChooserNote {
  intent: 'error' | 'warning';
  title: string;
  lines: string[];
}

/**
 * The button beside the pane's file chooser that opens the host's own dialog (WPS 表格's): the files read go to
 * `take`, the same step the chooser's files go to. A cancel changes nothing; files that could not be read are listed
 * with their reasons (the others are still taken); a dialog that fails to open is said in our words, never the
 * host's exception text. `available` is false where the host has no dialog (Excel): the panel shows no button.
 */
export function useHostChooser<F>(choose: ChooseFiles<F> | undefined, take: (files: F[]) => void, s: HostFilesStrings) {
  const [choosing, setChoosing] = useState(false);
  const [note, setNote] = useState<ChooserNote | undefined>(undefined);
  // the dialog holds the page while it is open: `take` as the panel has it when the dialog returns
  const latestTake = useRef(take);
  latestTake.current = take;

  async function run() {
    if (!choose) return;
    setChoosing(true);
    try {
      const chosen = await choose();
      if (chosen.cancelled) return;
      setNote(
        chosen.unreadable.length > 0
          ? {
              intent: chosen.files.length > 0 ? 'warning' : 'error',
              title: s.unreadable(chosen.unreadable.length),
              lines: chosen.unreadable.map((u) => s.unreadableLine(u.name, u.reason)),
            }
          : undefined,
      );
      if (chosen.files.length > 0) latestTake.current(chosen.files);
    } catch {
      setNote({ intent: 'error', title: s.dialogFailed, lines: [s.dialogFailedText] });
    } finally {
      setChoosing(false);
    }
  }

  return { available: choose !== undefined, choosing, note, choose: () => void run() };
}
