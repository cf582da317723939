import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useSyncExternalStore } from 'react';
import { formatProblem } from '../../core/messages';
import type { Problem, Severity } from '../../core/rules/check-form';
import type { Strings } from '../i18n';
import type { ValidationHost } from '../pane-host';

/** The groups of a sheet's problems, in order: 未填 (required, still empty) apart from the other notes. */
type Group = Severity | 'unfilled';
const GROUPS: Group[] = ['error', 'warning', 'unfilled', 'info'];

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  sheet: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalS },
  block: { display: 'block', margin: 0 },
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  problem: {
    justifyContent: 'flex-start',
    textAlign: 'left',
    width: '100%',
    height: 'auto',
    minHeight: '32px',
    fontWeight: tokens.fontWeightRegular,
  },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorNeutralForeground2 },
  unfilled: { color: tokens.colorNeutralForeground2 },
});

function inGroup(problems: Problem[], group: Group): Problem[] {
  if (group === 'unfilled') return problems.filter((p) => p.unfilled);
  return problems.filter((p) => p.severity === group && !p.unfilled);
}

export function ValidationPanel({ validation, strings }: { validation: ValidationHost; strings: Strings }) {
  const styles = useStyles();
  const state = useSyncExternalStore(validation.subscribe, validation.getState);
  return (
    <section className={styles.root} aria-label={strings.tabCheck}>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void validation.checkEverything()} disabled={state.busy}>
          {strings.checkEverything}
        </Button>
        <Button onClick={() => void validation.checkAll()} disabled={state.busy}>
          {strings.checkWorkbook}
        </Button>
        {state.busy && <Spinner size="tiny" label={strings.checking} />}
      </div>
      <Caption1 as="p" className={styles.block}>
        {validation.everything() ? strings.everythingChecked : strings.unfilledHint}
      </Caption1>
      {validation.paintClearsUndo && (
        <Caption1 as="p" className={styles.block}>
          {strings.paintClearsUndo}
        </Caption1>
      )}
      {state.notice && (
        <MessageBar intent={state.notice.kind === 'error' ? 'error' : 'info'}>
          <MessageBarBody>{state.notice.text}</MessageBarBody>
        </MessageBar>
      )}
      {state.sheets.length === 0 && !state.busy && <Text>{strings.noFormSheets}</Text>}
      {state.sheets.map((sheet) => (
        <div key={sheet.sheetId} className={styles.sheet}>
          <Subtitle2 as="h3" className={styles.block}>
            {sheet.sheetName}
          </Subtitle2>
          <Caption1 as="p" className={styles.block}>
            {sheet.formTitle} ·{' '}
            {inGroup(sheet.problems, 'unfilled').length > 0
              ? strings.countsWithUnfilled(
                  inGroup(sheet.problems, 'error').length,
                  inGroup(sheet.problems, 'warning').length,
                  inGroup(sheet.problems, 'unfilled').length,
                  inGroup(sheet.problems, 'info').length,
                )
              : strings.counts(
                  inGroup(sheet.problems, 'error').length,
                  inGroup(sheet.problems, 'warning').length,
                  inGroup(sheet.problems, 'info').length,
                )}
          </Caption1>
          {sheet.highlightNote && (
            <MessageBar intent="warning">
              <MessageBarBody>{sheet.highlightNote}</MessageBarBody>
            </MessageBar>
          )}
          {sheet.problems.length === 0 && <Text>{strings.noProblems}</Text>}
          {GROUPS.map((group) => {
            const problems = inGroup(sheet.problems, group);
            if (problems.length === 0) return null;
            return (
              <div key={group}>
                <Text as="h4" weight="semibold" className={mergeClasses(styles.block, styles[group])}>
                  {group === 'unfilled' ? strings.unfilled : strings.severity[group]}（{problems.length}）
                </Text>
                <ul className={styles.list}>
                  {problems.map((p) => (
                    <li key={`${p.key}:${p.message}`}>
                      <Button appearance="subtle" className={styles.problem} onClick={() => void validation.select(sheet.sheetId, p.cell)}>
                        {strings.problemLine(p.cell, p.label, formatProblem(p, strings.lang))}
                      </Button>
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
        </div>
      ))}
    </section>
  );
}
