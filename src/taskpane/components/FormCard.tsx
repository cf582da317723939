import {
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId, useMemo, useState } from 'react';
import { summarizeForm, type FormSummary } from '../../core/catalog';
import { yearForEdition } from '../../core/edition-year';
import { UserError } from '../../core/errors';
import type { FormDefinition } from '../../core/form-schema';
import { resolveParams, type ParamOverrides } from '../../core/params';
import type { Strings } from '../i18n';
import type { PaneHost } from '../pane-host';
import { CardBox } from './CardBox';

const useStyles = makeStyles({
  card: { marginBottom: tokens.spacingVerticalM },
  params: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  param: { width: '8em' },
  paramInput: { width: '100%', minWidth: 0 },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  meta: { color: tokens.colorNeutralForeground2 },
});

type Outcome = { kind: 'ok'; sheetName: string } | { kind: 'error'; message: string } | undefined;

function paramError(form: FormDefinition, values: ParamOverrides, id: string): string | undefined {
  try {
    resolveParams(form, { [id]: values[id] });
    return undefined;
  } catch (err) {
    return err instanceof UserError ? err.message : String(err);
  }
}

export function FormCard({ form, host, strings }: { form: FormDefinition; host: PaneHost; strings: Strings }) {
  const styles = useStyles();
  const headingId = useId();
  // Every parameter, 年份 and the notice's dates beside 届次, so that a new edition's dates can be set too.
  const editable = form.params;
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(editable.map((p) => [p.id, String(p.default)])));
  // 年份 follows 届次 (第八届 → 2018) until the clerk types a year of their own.
  const [yearTyped, setYearTyped] = useState(false);
  const followsEdition = yearForEdition(form, String(form.params.find((p) => p.id === 'edition')?.default ?? '')) !== undefined;

  function change(id: string, value: string) {
    if (id === 'year') setYearTyped(true);
    const year = id === 'edition' && !yearTyped ? yearForEdition(form, value) : undefined;
    setValues((v) => ({ ...v, [id]: value, ...(year !== undefined ? { year: String(year) } : {}) }));
  }
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(undefined);
  const errors = useMemo(() => Object.fromEntries(editable.map((p) => [p.id, paramError(form, values, p.id)])), [form, values, editable]);
  const valid = Object.values(errors).every((e) => e === undefined);
  const summary: FormSummary = useMemo(() => summarizeForm(form, valid ? values : {}), [form, values, valid]);

  async function insert() {
    setBusy(true);
    setOutcome(undefined);
    try {
      const inserted = await host.insertForm(form.id, values);
      setOutcome({ kind: 'ok', sheetName: inserted.sheetName });
    } catch (err) {
      setOutcome({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <CardBox className={styles.card} labelledBy={headingId}>
      <div>
        <Text as="h3" weight="semibold" id={headingId} block>
          {summary.title}
        </Text>
        <Caption1 className={styles.meta}>{strings.notice(summary.noticeTitle, summary.docNo, summary.attachment)}</Caption1>
      </div>
      <Text>{summary.description}</Text>
      <Caption1>{summary.deadline ? strings.deadline(summary.deadline) : strings.noDeadline}</Caption1>
      {editable.length > 0 && (
        <div className={styles.params}>
          {editable.map((p) => (
            <Field
              key={p.id}
              label={p.label}
              className={styles.param}
              validationState={errors[p.id] ? 'error' : 'none'}
              validationMessage={errors[p.id]}
            >
              <Input
                className={styles.paramInput}
                inputMode={p.kind === 'integer' ? 'numeric' : 'text'}
                value={values[p.id] ?? ''}
                onChange={(_e, data) => change(p.id, data.value)}
              />
            </Field>
          ))}
        </div>
      )}
      {followsEdition && <Caption1 className={styles.meta}>{strings.paramsFollowEdition}</Caption1>}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy || !valid || !host.inOffice} onClick={() => void insert()} aria-describedby={headingId}>
          {strings.insert}
        </Button>
        {busy && <Spinner size="tiny" label={strings.inserting} />}
      </div>
      {outcome?.kind === 'ok' && (
        <MessageBar intent="success">
          <MessageBarBody>{strings.inserted(outcome.sheetName)}</MessageBarBody>
        </MessageBar>
      )}
      {outcome?.kind === 'error' && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{strings.insertFailed}</MessageBarTitle>
            {outcome.message}
          </MessageBarBody>
        </MessageBar>
      )}
    </CardBox>
  );
}
