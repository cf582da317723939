import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId, useMemo, useState, type Dispatch } from 'react';
import type { FormDraft } from '../../app/import-forms';
import type { FormDefinition } from '../../core/form-schema';
import {
  REVIEW_TYPES,
  displayName,
  editForm,
  reviewFields,
  type FieldEdit,
  type ReviewType,
  type ReviewedField,
} from '../../core/import/field-review';
import type { NewFormStrings } from '../new-form/new-form-strings';
import type { PaneHost } from '../pane-host';
import { CardBox } from './CardBox';

const useStyles = makeStyles({
  card: { marginBottom: tokens.spacingVerticalM },
  field: {
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalXS,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  narrow: { width: '7em' },
  meta: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  guesses: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

type Outcome =
  | { kind: 'saved'; replaced: boolean; name: string; version: number; form: FormDefinition }
  | { kind: 'problems'; problems: string[] }
  | undefined;

function FieldRow({ field, edit, onEdit, s }: { field: ReviewedField; edit: FieldEdit; onEdit: Dispatch<FieldEdit>; s: NewFormStrings }) {
  const styles = useStyles();
  const type = edit.type ?? field.type;
  // What the clerk typed is shown as typed; the core reads it on save (field-review.ts: editForm).
  const maxLength = edit.maxLengthText ?? String(field.maxLength ?? '');
  const options = edit.optionsText ?? (field.options ?? []).join('、');
  return (
    <div className={styles.field} role="group" aria-label={edit.label ?? field.label}>
      <Field label={s.fieldLabel} size="small" hint={field.inList ? s.listColumn : undefined}>
        <Input size="small" value={edit.label ?? field.label} onChange={(_e, d) => onEdit({ ...edit, label: d.value })} />
      </Field>
      <div className={styles.line}>
        <Field label={s.fieldType} size="small">
          <Select size="small" value={type} onChange={(_e, d) => onEdit({ ...edit, type: d.value as ReviewType })}>
            {REVIEW_TYPES.map((t) => (
              <option key={t} value={t}>
                {s.types[t]}
              </option>
            ))}
          </Select>
        </Field>
        <Checkbox
          label={s.required}
          checked={edit.required ?? field.required}
          onChange={(_e, d) => onEdit({ ...edit, required: d.checked === true })}
        />
        {(type === 'text' || type === 'longText') && (
          <Field label={s.maxLength} size="small" className={styles.narrow}>
            <Input size="small" inputMode="numeric" value={maxLength} onChange={(_e, d) => onEdit({ ...edit, maxLengthText: d.value })} />
          </Field>
        )}
      </div>
      {type === 'choice' && (
        <Field label={s.options} size="small" hint={s.optionsHint}>
          <Input size="small" value={options} onChange={(_e, d) => onEdit({ ...edit, optionsText: d.value })} />
        </Field>
      )}
    </div>
  );
}

/**
 * One imported form for review (issue 13 §1–2): its name, what the import guessed, and each field's name, type,
 * required and limit, editable; saved in the workbook only when the core's schema accepts the edited definition.
 */
export function FormReview({
  draft,
  s,
  canSave,
  save,
  canDownload,
  download,
  onDiscard,
}: {
  draft: FormDraft;
  s: NewFormStrings;
  canSave: boolean;
  save: PaneHost['saveForm'];
  canDownload: boolean;
  download: PaneHost['downloadTemplate'];
  onDiscard: () => void;
}) {
  const styles = useStyles();
  const headingId = useId();
  const fields = useMemo(() => reviewFields(draft.form), [draft.form]);
  const undecided = draft.guesses.filter((g) => g.undecided);
  const [name, setName] = useState(() => displayName(draft.form));
  const [edits, setEdits] = useState<Record<string, FieldEdit>>({});
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(undefined);

  async function onSave() {
    const edited = editForm(draft.form, { name, fields: edits });
    if (!edited.ok) {
      setOutcome({ kind: 'problems', problems: edited.problems });
      return;
    }
    setBusy(true);
    setOutcome(undefined);
    try {
      const kept = await save({ form: edited.form, notice: draft.notice });
      setOutcome({
        kind: 'saved',
        replaced: kept.saved === 'replaced',
        name: displayName(edited.form),
        version: kept.version,
        form: kept.form,
      });
    } catch (err) {
      setOutcome({ kind: 'problems', problems: [err instanceof Error ? err.message : String(err)] });
    } finally {
      setBusy(false);
    }
  }

  async function onDownload(form: FormDefinition) {
    setBusy(true);
    try {
      await download({ form, notice: draft.notice }, `${displayName(form)}.zip`);
    } catch (err) {
      setOutcome({ kind: 'problems', problems: [err instanceof Error ? err.message : String(err)] });
    } finally {
      setBusy(false);
    }
  }

  return (
    <CardBox className={styles.card} labelledBy={headingId}>
      <Text as="h3" weight="semibold" id={headingId}>
        {displayName(draft.form)}
      </Text>
      <Caption1 className={styles.meta}>{draft.form.description}</Caption1>
      <Field label={s.formName} size="small">
        <Input size="small" value={name} onChange={(_e, d) => setName(d.value)} />
      </Field>
      {undecided.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>{s.undecidedHeading}</MessageBarTitle>
            {undecided.map((g, i) => (
              <div key={i}>
                {g.field}：{g.what}——{g.why}
              </div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
      <details>
        <summary>{s.guessesHeading(draft.guesses.length)}</summary>
        <ul className={styles.guesses}>
          {draft.guesses.map((g, i) => (
            <li key={i}>
              <Caption1>
                {g.field}：{g.what}——{g.why}
              </Caption1>
            </li>
          ))}
        </ul>
      </details>
      <details open>
        <summary>{s.fieldsHeading(fields.length)}</summary>
        {fields.map((f) => (
          <FieldRow
            key={f.key}
            field={f}
            s={s}
            edit={edits[f.key] ?? {}}
            onEdit={(edit) => setEdits((all) => ({ ...all, [f.key]: edit }))}
          />
        ))}
      </details>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy || !canSave} onClick={() => void onSave()} aria-describedby={headingId}>
          {s.save}
        </Button>
        <Button disabled={busy} onClick={onDiscard}>
          {s.discard}
        </Button>
        {busy && <Spinner size="tiny" label={s.saving} />}
      </div>
      {outcome?.kind === 'saved' && (
        <MessageBar intent="success">
          <MessageBarBody>
            {outcome.version > 1 && !outcome.replaced
              ? s.savedVersion(outcome.name, outcome.version)
              : s.saved(outcome.name, outcome.replaced)}
          </MessageBarBody>
        </MessageBar>
      )}
      {outcome?.kind === 'saved' &&
        (canDownload ? (
          <div className={styles.actions}>
            <Button disabled={busy} onClick={() => void onDownload(outcome.form)}>
              {s.downloadTemplate}
            </Button>
          </div>
        ) : (
          <Caption1 className={styles.meta}>{s.noDownloadOnMac}</Caption1>
        ))}
      {outcome?.kind === 'problems' && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{s.cannotSave}</MessageBarTitle>
            {outcome.problems.map((p) => (
              <div key={p}>{p}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
    </CardBox>
  );
}
