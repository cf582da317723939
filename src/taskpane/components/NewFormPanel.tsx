import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { FormDraft, NoticeImport } from '../../app/import-forms';
import { stringsFor, type Locale } from '../i18n';
import { newFormStrings } from '../new-form/new-form-strings';
import { NOTICE_FILE_ACCEPT } from '../new-form/notice-files';
import type { PaneHost } from '../pane-host';
import { useHostChooser } from '../use-host-chooser';
import { ChooserNote } from './ChooserNote';
import { FormReview } from './FormReview';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalM },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  meta: { color: tokens.colorNeutralForeground2 },
  hidden: { display: 'none' },
});

type Found = { notice?: NoticeImport; drafts: FormDraft[] };

/** A picked file's bytes through FileReader, which every webview Office runs panes in has (Blob.arrayBuffer is newer). */
function fileBytes(file: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(new Error('无法读取此文件：文件可能已被移动、删除或正被其他程序使用。'));
    reader.readAsArrayBuffer(file);
  });
}

/**
 * 新表格 (issue 13): 从通知导入 (a notice's .docx picked and read in the pane, nothing sent anywhere) and 从所选区域创建
 * (the selected cells read); each form found is shown for review and saved in the workbook by the clerk.
 */
export default function NewFormPanel({ host, locale }: { host: PaneHost; locale: Locale }) {
  const s = newFormStrings(locale);
  const { hostFiles, newForm: heading } = stringsFor(locale);
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [found, setFound] = useState<Found | undefined>(undefined);

  async function attempt(work: () => Promise<Found>) {
    setBusy(true);
    setError(undefined);
    try {
      const more = await work();
      // A second import adds its forms to those under review (one imported again replaces its earlier draft): no
      // reviewed edits are dropped by importing something else.
      setFound((had) => {
        const key = (d: FormDraft) => `${d.form.id}/${d.form.description}`;
        const fresh = new Set(more.drafts.map(key));
        return { notice: more.notice ?? had?.notice, drafts: [...(had?.drafts ?? []).filter((d) => !fresh.has(key(d))), ...more.drafts] };
      });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  /**
   * The notice's files, from the pane's chooser or the host's dialog, all at once (the notice and its 附件 files,
   * issue 21 §2): their bytes go to the same import.
   */
  function onPicked(files: ArrayLike<Blob> | null) {
    const picked = Array.from(files ?? []);
    if (picked.length === 0) return;
    void attempt(async () => {
      const chosen = await Promise.all(picked.map(async (f) => ({ name: (f as Partial<File>).name ?? '', data: await fileBytes(f) })));
      const notice = await host.importNoticeFiles(chosen);
      return { notice, drafts: notice.drafts };
    });
    if (input.current) input.current.value = '';
  }
  // WPS: the notice chosen in its own dialog, beside the pane's chooser
  const dialog = useHostChooser(host.chooseNotice, onPicked, hostFiles);

  const notice = found?.notice;
  return (
    <section className={styles.root} aria-label={heading}>
      <Text as="h2" size={400} weight="semibold">
        {heading}
      </Text>
      <Text>{s.intro}</Text>
      <div className={styles.actions}>
        <Button disabled={busy} onClick={() => input.current?.click()}>
          {s.fromNotice}
        </Button>
        <input
          ref={input}
          className={styles.hidden}
          type="file"
          multiple
          accept={NOTICE_FILE_ACCEPT}
          aria-label={s.fromNotice}
          onChange={(e) => onPicked(e.target.files)}
        />
        {dialog.available && (
          <Button disabled={busy || dialog.choosing} onClick={dialog.choose}>
            {hostFiles.chooseNotice}
          </Button>
        )}
        <Button disabled={busy || !host.inOffice} onClick={() => void attempt(async () => ({ drafts: [await host.importSelection()] }))}>
          {s.fromSelection}
        </Button>
        {busy && <Spinner size="tiny" label={s.reading} />}
      </div>
      {!host.inOffice && <Caption1 className={styles.meta}>{s.outsideOffice}</Caption1>}
      <ChooserNote note={dialog.note} />
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{s.failed}</MessageBarTitle>
            {error}
          </MessageBarBody>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent="info">
          <MessageBarBody>
            <div>{s.found(notice.drafts.length, notice.skipped.length)}</div>
            <div>{s.noticeLine(notice.facts.title ?? '—', notice.facts.docNo ?? '—', notice.facts.issuer ?? '—')}</div>
            {notice.files?.unread.map((k) => (
              <div key={k}>{k}</div>
            ))}
            {notice.skipped.map((k) => (
              <div key={k}>{s.skipped(k)}</div>
            ))}
            {notice.unknownSymbols.map((k) => (
              <div key={k}>{s.unknownSymbol(k)}</div>
            ))}
            {notice.noticeGuesses
              .filter((g) => g.undecided)
              .map((g) => (
                <div key={g.field}>
                  {g.field}：{g.what}——{g.why}
                </div>
              ))}
            <details>
              <summary>{s.noticeGuesses}</summary>
              {notice.noticeGuesses.map((g, i) => (
                <div key={i}>
                  <Caption1>
                    {g.field}：{g.what}——{g.why}
                  </Caption1>
                </div>
              ))}
            </details>
          </MessageBarBody>
        </MessageBar>
      )}
      {found?.drafts.map((draft) => (
        <FormReview
          key={`${draft.form.id}/${draft.form.description}`}
          draft={draft}
          s={s}
          canSave={host.inOffice}
          save={(d) => host.saveForm(d)}
          canDownload={host.canDownload}
          download={(d, name) => host.downloadTemplate(d, name)}
          onDiscard={() => setFound((f) => (f ? { ...f, drafts: f.drafts.filter((d) => d !== draft) } : f))}
        />
      ))}
    </section>
  );
}
