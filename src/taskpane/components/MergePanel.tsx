import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Subtitle2,
  Text,
  Textarea,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useRef } from 'react';
import type { InputReport } from '../../core/merge/merge-returns';
import { parseRoster } from '../../core/merge/roster';
import { RETURN_FILE_ACCEPT } from '../../core/merge/return-files';
import { findForm } from '../../notices';
import type { Strings } from '../i18n';
import type { MergeHost } from '../merge-host';
import { useMergeState } from '../merge/use-merge-state';
import { useHostChooser } from '../use-host-chooser';
import { ChooserNote } from './ChooserNote';
import { SheetProblems } from './SheetProblems';
import { StatusBoard } from './StatusBoard';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  drop: {
    border: `1px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalS,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  dropActive: { border: `1px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  hidden: { display: 'none' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  file: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalXS, overflowWrap: 'anywhere' },
  block: { display: 'block', margin: 0 },
  bad: { color: tokens.colorPaletteRedForeground1 },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1 },
  preview: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  // the main action and the counts stay in view while the clerk scrolls the board and the files (issue 14 §1)
  sticky: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} 0`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  nowrap: { whiteSpace: 'nowrap' },
  fine: { cursor: 'pointer' },
});

/** Files to look at first: unreadable, then with problems, then skipped; the fine ones fold away. */
const ORDER: Record<InputReport['status'], number> = { unreadable: 0, 'merged-with-problems': 1, skipped: 2, replaced: 3, merged: 4 };
const isFine = (input: InputReport) => input.status === 'merged' || input.status === 'replaced';

export function MergePanel({ merge, strings }: { merge: MergeHost; strings: Strings }) {
  const s = strings.merge;
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const m = useMergeState(merge, strings);
  // WPS: the returns chosen in its own dialog go where the chooser's files go (the same worker merge)
  const dialog = useHostChooser(merge.chooseReturns, m.addFiles, strings.hostFiles);
  const { files, rosterText, deadline, phase, preview, fromWorkbook, banner, confirm, written, dragging, reminderShown } = m.state;
  const busy = m.busy;

  const count = (status: string) => preview?.inputs.filter((i) => i.status === status).length ?? 0;
  const recordsToWrite = preview ? preview.summaries.reduce((n, t) => n + t.rows.length, 0) : 0;
  const desk = preview?.desk;
  const ordered = preview
    ? preview.inputs.map((input, i) => ({ input, i })).sort((a, b) => ORDER[a.input.status] - ORDER[b.input.status] || a.i - b.i)
    : [];
  const toLookAt = ordered.filter(({ input }) => !isFine(input));
  const fine = ordered.filter(({ input }) => isFine(input));

  const fileItem = ({ input, i }: { input: InputReport; i: number }) => (
    <li key={`${input.file}#${i}`} className={styles.file}>
      <Text weight="semibold" className={styles.block}>
        {input.file}
      </Text>
      <Caption1
        as="p"
        className={mergeClasses(
          styles.block,
          input.status === 'unreadable' && styles.bad,
          input.status === 'merged-with-problems' && styles.warn,
        )}
      >
        {s.status[input.status]}
        {input.message ? `：${input.message}` : ''}
      </Caption1>
      {input.sheets
        .filter((sheet) => sheet.form !== null)
        .map((sheet) => (
          <div key={sheet.sheet}>
            <Caption1 as="p" className={styles.block}>
              {s.sheetLine(
                sheet.sheet,
                findForm(sheet.form ?? '')?.sheetName ?? preview?.definitions.sheetNames[sheet.form ?? ''] ?? sheet.form ?? '',
                sheet.unit || s.noUnit,
                sheet.records,
                sheet.problems,
              )}
            </Caption1>
            <SheetProblems
              sheet={sheet.sheet}
              problems={sheet.issues}
              strings={strings}
              onSelect={fromWorkbook ? (cell) => m.selectCell(sheet.sheet, cell) : undefined}
            />
          </div>
        ))}
    </li>
  );

  return (
    <section className={styles.root} aria-label={strings.tabMerge}>
      <Text>{s.intro}</Text>
      <div
        className={mergeClasses(styles.drop, dragging && styles.dropActive)}
        onDragOver={(e) => {
          e.preventDefault();
          m.setDragging(true);
        }}
        onDragLeave={() => m.setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          m.dropped(Array.from(event.dataTransfer.files));
        }}
      >
        <input
          ref={input}
          className={styles.hidden}
          type="file"
          multiple
          accept={RETURN_FILE_ACCEPT}
          aria-label={s.pickFiles}
          onChange={(e) => {
            const picked = Array.from(e.target.files ?? []);
            e.target.value = '';
            if (picked.length > 0) m.addFiles(picked);
          }}
        />
        <div className={styles.actions}>
          <Button appearance="primary" disabled={busy} onClick={() => input.current?.click()}>
            {s.pickFiles}
          </Button>
          {dialog.available && (
            <Button disabled={busy || dialog.choosing} onClick={dialog.choose}>
              {strings.hostFiles.chooseReturns}
            </Button>
          )}
          <Button disabled={busy} onClick={m.readWorkbook}>
            {s.mergeWorkbook}
          </Button>
          {files.length > 0 && (
            <Button appearance="subtle" disabled={busy} onClick={m.clear}>
              {s.clear}
            </Button>
          )}
        </div>
        <Caption1>{files.length > 0 ? s.picked(files.length) : s.dropHint}</Caption1>
      </div>
      <ChooserNote note={dialog.note} />

      <Field label={s.rosterLabel} hint={s.rosterHint(parseRoster(rosterText).length)}>
        <Textarea value={rosterText} resize="vertical" rows={3} onChange={(_e, d) => m.typeRoster(d.value)} onBlur={m.rosterChanged} />
      </Field>
      <div className={styles.actions}>
        <Button size="small" disabled={busy} onClick={m.rosterFromSelection}>
          {s.rosterFromSelection}
        </Button>
      </div>
      <Field label={s.deadlineLabel} hint={s.deadlineHint}>
        <Input type="date" value={deadline} disabled={busy} onChange={(_e, d) => m.deadlineChanged(d.value)} />
      </Field>

      {phase.kind !== 'idle' && (
        <Field
          validationState="none"
          validationMessage={
            phase.kind === 'reading'
              ? s.reading(phase.done, phase.total, phase.file)
              : phase.kind === 'writing'
                ? s.writing(phase.done, phase.total)
                : s.makingSlips
          }
        >
          <ProgressBar value={phase.kind !== 'slips' && phase.total > 0 ? phase.done / phase.total : undefined} />
        </Field>
      )}
      {phase.kind === 'reading' && (
        <div className={styles.actions}>
          <Button onClick={m.cancel}>{s.cancel}</Button>
        </div>
      )}

      {banner && (
        <MessageBar intent={banner.intent}>
          <MessageBarBody>
            {banner.title && <MessageBarTitle>{banner.title}</MessageBarTitle>}
            {banner.text}
          </MessageBarBody>
        </MessageBar>
      )}

      {written.length > 0 && (
        <nav aria-label={s.writtenHeading}>
          <ul className={styles.list}>
            {written.map((sheet) => (
              <li key={sheet.id}>
                <Link as="button" onClick={() => m.showSheet(sheet.id)}>
                  {sheet.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}

      {preview && desk && (
        <div className={styles.preview}>
          <div className={styles.sticky}>
            <Button appearance="primary" className={styles.nowrap} disabled={busy || recordsToWrite === 0} onClick={m.startWrite}>
              {s.mergeButton}
            </Button>
            {desk.units.length > 0 && (
              <Caption1 className={styles.nowrap}>{s.deskCounts(desk.counts.complete, desk.counts.partial, desk.counts.missing)}</Caption1>
            )}
            {recordsToWrite === 0 && <Caption1>{s.nothingToWrite}</Caption1>}
          </div>

          {preview.definitions.added.length > 0 && (
            <Caption1 as="p" className={styles.block}>
              {s.definitionsAdded(preview.definitions.added)}
            </Caption1>
          )}
          {preview.definitions.notes.map((note, i) => (
            <MessageBar key={`note ${i}:${note}`} intent="info">
              <MessageBarBody>{note}</MessageBarBody>
            </MessageBar>
          ))}
          {preview.definitions.refused.map((note, i) => (
            <MessageBar key={`${i}:${note}`} intent="warning">
              <MessageBarBody>
                <MessageBarTitle>{s.definitionRefused}</MessageBarTitle>
                {note}
              </MessageBarBody>
            </MessageBar>
          ))}

          {desk.units.length > 0 && <StatusBoard desk={desk} strings={strings} />}

          {(desk.reminder || desk.slips.length > 0) && (
            <div className={styles.actions}>
              {desk.reminder && (
                <Button className={styles.nowrap} disabled={busy} onClick={m.copyReminder}>
                  {s.copyReminder}
                </Button>
              )}
              {desk.slips.length > 0 && merge.canDownload && (
                <Button className={styles.nowrap} disabled={busy} onClick={m.saveSlips}>
                  {s.saveSlips(desk.slips.length)}
                </Button>
              )}
            </div>
          )}
          {desk.reminder && reminderShown && (
            <Field label={s.reminderLabel}>
              <Textarea ref={m.reminderBox} readOnly value={desk.reminder} rows={5} resize="vertical" />
            </Field>
          )}
          {desk.slips.length > 0 && !merge.canDownload && (
            <Caption1 as="p" className={styles.block}>
              {s.slipsOnMac}
            </Caption1>
          )}

          <div>
            <Subtitle2 as="h2" className={styles.block}>
              {s.previewHeading}
            </Subtitle2>
            <Caption1 as="p" className={styles.block}>
              {s.tally(
                preview.inputs.length,
                count('merged') + count('merged-with-problems'),
                count('merged-with-problems'),
                count('skipped'),
                count('unreadable'),
                count('replaced'),
              )}
            </Caption1>
            {toLookAt.length > 0 && <ul className={styles.list}>{toLookAt.map(fileItem)}</ul>}
            {fine.length > 0 && (
              <details>
                <summary className={styles.fine}>{s.fineFiles(fine.length)}</summary>
                <ul className={styles.list}>{fine.map(fileItem)}</ul>
              </details>
            )}
          </div>
        </div>
      )}

      <Dialog open={confirm !== undefined} onOpenChange={(_e, d) => !d.open && m.closeConfirm()}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{s.confirmTitle}</DialogTitle>
            <DialogContent>{s.confirmBody(confirm ?? [])}</DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => m.write(true)}>
                {s.replace}
              </Button>
              <Button onClick={() => m.write(false)}>{s.keep}</Button>
              <Button appearance="subtle" onClick={m.closeConfirm}>
                {s.cancel}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}

export default MergePanel;
