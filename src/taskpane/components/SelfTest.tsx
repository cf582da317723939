import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { countOutcomes, formatSelfTestReport, type SelfTestReport } from '../../core/self-test-report';
import type { SelfTestStrings } from '../i18n';
import { copyText } from '../merge/copy-text';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  report: { fontFamily: tokens.fontFamilyMonospace, minHeight: '12em' },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

type State =
  { kind: 'idle' } | { kind: 'running' } | { kind: 'done'; report: SelfTestReport; text: string } | { kind: 'failed'; why: string };

/**
 * 自检 (issue 20 §6): runs the host's self-test on the clerk's request and shows its short report, to copy and send
 * back. The report is shown in a read-only box too, so it can be selected by hand where the clipboard is refused
 * (a pane without the clipboard permission, an older WebView in WPS).
 */
export default function SelfTest({ run, strings }: { run: () => Promise<SelfTestReport>; strings: SelfTestStrings }) {
  const styles = useStyles();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [copied, setCopied] = useState<'copied' | 'selected' | undefined>();
  const box = useRef<HTMLTextAreaElement>(null);

  async function start() {
    setState({ kind: 'running' });
    setCopied(undefined);
    try {
      const report = await run();
      setState({ kind: 'done', report, text: formatSelfTestReport(report) });
    } catch (err) {
      setState({ kind: 'failed', why: err instanceof Error ? err.message : String(err) });
    }
  }

  async function copy(text: string) {
    setCopied(await copyText(text, box.current));
  }

  const counts = state.kind === 'done' ? countOutcomes(state.report.probes) : undefined;
  return (
    <section className={styles.root} aria-label={strings.heading}>
      <Text as="h2" size={400} weight="semibold">
        {strings.heading}
      </Text>
      <Text>{strings.intro}</Text>
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={state.kind === 'running'} onClick={() => void start()}>
          {strings.run}
        </Button>
        {state.kind === 'done' && <Button onClick={() => void copy(state.text)}>{strings.copy}</Button>}
      </div>
      {state.kind === 'running' && <Spinner size="tiny" label={strings.running} />}
      {state.kind === 'failed' && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{strings.failed}</MessageBarTitle>
            {state.why}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.kind === 'done' && counts && (
        <>
          <MessageBar intent={counts.failed > 0 ? 'warning' : 'success'}>
            <MessageBarBody>{strings.summary(counts.ok, counts.failed, counts.unsupported)}</MessageBarBody>
          </MessageBar>
          {copied && (
            <MessageBar intent={copied === 'copied' ? 'success' : 'info'}>
              <MessageBarBody>{copied === 'copied' ? strings.copied : strings.copyByHand}</MessageBarBody>
            </MessageBar>
          )}
          <Text>{strings.sendHint}</Text>
          <Textarea
            ref={box}
            className={styles.report}
            aria-label={strings.reportLabel}
            readOnly
            value={state.text}
            rows={12}
            resize="vertical"
            onFocus={(e) => e.currentTarget.select()}
          />
        </>
      )}
    </section>
  );
}
