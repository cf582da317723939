import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { ChooserNote as Note } from '../use-host-chooser';

/** What the host's file dialog left to say (use-host-chooser.ts): files not read, or a dialog that did not open. */
export function ChooserNote({ note }: { note: Note | undefined }) {
  if (!note) return null;
  return (
    <MessageBar intent={note.intent}>
      <MessageBarBody>
        <MessageBarTitle>{note.title}</MessageBarTitle>
        {note.lines.map((line, i) => (
          <div key={`${i}:${line}`}>{line}</div>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}
