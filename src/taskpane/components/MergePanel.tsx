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
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { isReturnFileName } from '../../core/merge/return-files';
import { parseRoster } from '../../core/merge/roster';
import { findForm } from '../../forms';
import type { Strings } from '../i18n';
import type { MergeHost, ReadReturns, WrittenSheet } from '../merge-host';
import { MergeCancelled } from '../merge/merge-client';
import type { MergePreview, PickedFile } from '../merge/merge-protocol';
import { SheetProblems } from './SheetProblems';

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
  file: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalXS },
  block: { display: 'block', margin: 0 },
  bad: { color: tokens.colorPaletteRedForeground1 },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

type Phase =
  { kind: 'idle' } | { kind: 'reading'; done: number; total: number; file: string } | { kind: 'writing'; done: number; total: number };
type Banner = { intent: 'success' | 'warning' | 'error' | 'info'; title?: string; text: string } | undefined;

const fileKey = (f: PickedFile) => `${f.name}|${f.size}|${f.lastModified}`;

export function MergePanel({ merge, strings }: { merge: MergeHost; strings: Strings }) {
  const s = strings.merge;
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const abort = useRef<AbortController | undefined>(undefined);
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [rosterText, setRosterText] = useState('');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [preview, setPreview] = useState<MergePreview | undefined>(undefined);
  /** Whether the preview is of the open workbook's own sheets, whose problems can be selected there. */
  const [fromWorkbook, setFromWorkbook] = useState(false);
  const [banner, setBanner] = useState<Banner>(undefined);
  const [confirm, setConfirm] = useState<string[] | undefined>(undefined);
  const [written, setWritten] = useState<WrittenSheet[]>([]);
  const [dragging, setDragging] = useState(false);
  const busy = phase.kind !== 'idle';

  useEffect(() => {
    merge.loadRoster().then(
      (units) => setRosterText((text) => text || units.join('\n')),
      () => undefined,
    );
  }, [merge]);

  const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

  /** Keeps the roster in the workbook; says why not if it could not (the merge goes on without it). */
  const keepRoster = (units: string[]): Promise<string | undefined> =>
    merge.saveRoster(units).then(
      () => undefined,
      (err: unknown) => messageOf(err),
    );

  const failed = (err: unknown) => {
    if (err instanceof MergeCancelled) setBanner({ intent: 'info', text: s.cancelled });
    else setBanner({ intent: 'error', title: s.failed, text: err instanceof Error ? err.message : String(err) });
  };

  /** Reads returns into the preview; `workbook` when they are the open workbook's own sheets. */
  async function read(run: ReadReturns, workbook: boolean) {
    const controller = new AbortController();
    abort.current = controller;
    setBanner(undefined);
    setWritten([]);
    try {
      setPreview(await run(controller.signal));
      setFromWorkbook(workbook);
    } catch (err) {
      setPreview(undefined);
      failed(err);
    } finally {
      abort.current = undefined;
      setPhase({ kind: 'idle' });
    }
  }

  function addFiles(picked: PickedFile[]) {
    const known = new Set(files.map(fileKey));
    const next = [...files, ...picked.filter((f) => !known.has(fileKey(f)))];
    setFiles(next);
    setPhase({ kind: 'reading', done: 0, total: next.length, file: '' });
    void read(
      (signal) =>
        merge.readFiles(next, parseRoster(rosterText), (done, total, file) => setPhase({ kind: 'reading', done, total, file }), signal),
      false,
    );
  }

  function readWorkbook() {
    setFiles([]);
    setPhase({ kind: 'reading', done: 0, total: 1, file: '' });
    void read((signal) => merge.readWorkbook(parseRoster(rosterText), signal), true);
  }

  function selectCell(sheet: string, cell: string) {
    merge.selectCell(sheet, cell).catch((err: unknown) => setBanner({ intent: 'error', title: s.cellNotSelected, text: messageOf(err) }));
  }

  async function rosterFromSelection() {
    try {
      const units = await merge.rosterFromSelection();
      if (units.length === 0) setBanner({ intent: 'info', text: s.rosterSelectionEmpty });
      else {
        setRosterText(units.join('\n'));
        await rosterChanged(units);
      }
    } catch (err) {
      failed(err);
    }
  }

  async function rosterChanged(units = parseRoster(rosterText)) {
    const notSaved = await keepRoster(units);
    if (notSaved) setBanner({ intent: 'error', title: s.rosterNotSaved, text: notSaved });
    if (preview && !busy) setPreview(await merge.resummarise(units).catch(() => preview));
  }

  async function write(replace: boolean) {
    if (!preview) return;
    setConfirm(undefined);
    setBanner(undefined);
    const total = [...preview.summaries, preview.report].reduce((n, t) => n + t.rows.length, 0);
    setPhase({ kind: 'writing', done: 0, total });
    try {
      const notSaved = await keepRoster(parseRoster(rosterText));
      const sheets = await merge.write(preview, replace, (done, all) => setPhase({ kind: 'writing', done, total: all }));
      setWritten(sheets);
      setBanner(
        notSaved
          ? { intent: 'warning', title: s.written(sheets.length), text: `${s.rosterNotSaved}：${notSaved}` }
          : { intent: 'success', text: s.written(sheets.length) },
      );
    } catch (err) {
      failed(err);
    } finally {
      setPhase({ kind: 'idle' });
    }
  }

  async function startWrite() {
    try {
      const previous = await merge.previousSummaries();
      if (previous.length > 0) setConfirm(previous);
      else await write(false);
    } catch (err) {
      failed(err);
    }
  }

  function dropped(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    const picked = Array.from(event.dataTransfer.files).filter((f) => isReturnFileName(f.name));
    if (picked.length > 0 && !busy) addFiles(picked);
  }

  const count = (status: string) => preview?.inputs.filter((i) => i.status === status).length ?? 0;
  const recordsToWrite = preview ? preview.summaries.reduce((n, t) => n + t.rows.length, 0) : 0;

  return (
    <section className={styles.root} aria-label={strings.tabMerge}>
      <Text>{s.intro}</Text>
      <div
        className={mergeClasses(styles.drop, dragging && styles.dropActive)}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={dropped}
      >
        <input
          ref={input}
          className={styles.hidden}
          type="file"
          multiple
          accept=".xlsx,.xlsm,.xls,.et,.csv"
          aria-label={s.pickFiles}
          onChange={(e) => {
            const picked = Array.from(e.target.files ?? []);
            e.target.value = '';
            if (picked.length > 0) addFiles(picked);
          }}
        />
        <div className={styles.actions}>
          <Button appearance="primary" disabled={busy} onClick={() => input.current?.click()}>
            {s.pickFiles}
          </Button>
          <Button disabled={busy} onClick={readWorkbook}>
            {s.mergeWorkbook}
          </Button>
          {files.length > 0 && (
            <Button
              appearance="subtle"
              disabled={busy}
              onClick={() => {
                setFiles([]);
                setPreview(undefined);
                setWritten([]);
                setBanner(undefined);
              }}
            >
              {s.clear}
            </Button>
          )}
        </div>
        <Caption1>{files.length > 0 ? s.picked(files.length) : s.dropHint}</Caption1>
      </div>

      <Field label={s.rosterLabel} hint={s.rosterHint(parseRoster(rosterText).length)}>
        <Textarea
          value={rosterText}
          resize="vertical"
          rows={3}
          onChange={(_e, d) => setRosterText(d.value)}
          onBlur={() => void rosterChanged()}
        />
      </Field>
      <div className={styles.actions}>
        <Button size="small" disabled={busy} onClick={() => void rosterFromSelection()}>
          {s.rosterFromSelection}
        </Button>
      </div>

      {phase.kind !== 'idle' && (
        <Field
          validationState="none"
          validationMessage={phase.kind === 'reading' ? s.reading(phase.done, phase.total, phase.file) : s.writing(phase.done, phase.total)}
        >
          <ProgressBar value={phase.total > 0 ? phase.done / phase.total : undefined} />
        </Field>
      )}
      {phase.kind === 'reading' && (
        <div className={styles.actions}>
          <Button onClick={() => abort.current?.abort()}>{s.cancel}</Button>
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
                <Link as="button" onClick={() => void merge.showSheet(sheet.id).catch(failed)}>
                  {sheet.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}

      {preview && (
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
          <ul className={styles.list}>
            {preview.inputs.map((input, i) => (
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
                          findForm(sheet.form ?? '')?.sheetName ?? sheet.form ?? '',
                          sheet.unit || s.noUnit,
                          sheet.records,
                          sheet.problems,
                        )}
                      </Caption1>
                      <SheetProblems
                        sheet={sheet.sheet}
                        problems={sheet.issues}
                        strings={strings}
                        onSelect={fromWorkbook ? (cell) => selectCell(sheet.sheet, cell) : undefined}
                      />
                    </div>
                  ))}
              </li>
            ))}
          </ul>
          {preview.missing.length > 0 && (
            <MessageBar intent="warning">
              <MessageBarBody>
                <MessageBarTitle>{s.missingTitle(preview.missing.length)}</MessageBarTitle>
                {preview.missing.join('、')}
              </MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.actions}>
            <Button appearance="primary" disabled={busy || recordsToWrite === 0} onClick={() => void startWrite()}>
              {s.mergeButton}
            </Button>
            {recordsToWrite === 0 && <Caption1>{s.nothingToWrite}</Caption1>}
          </div>
        </div>
      )}

      <Dialog open={confirm !== undefined} onOpenChange={(_e, d) => !d.open && setConfirm(undefined)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{s.confirmTitle}</DialogTitle>
            <DialogContent>{s.confirmBody(confirm ?? [])}</DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => void write(true)}>
                {s.replace}
              </Button>
              <Button onClick={() => void write(false)}>{s.keep}</Button>
              <Button appearance="subtle" onClick={() => setConfirm(undefined)}>
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
