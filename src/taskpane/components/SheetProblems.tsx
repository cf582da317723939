import { Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId, useState, type Dispatch } from 'react';
import { formatProblem } from '../../core/messages';
import type { Problem, Severity } from '../../core/rules/check-form';
import type { Strings } from '../i18n';

/** Up to this many problems are listed at once; a longer list shows its first ones (errors first) and a toggle. */
export const FEW_PROBLEMS = 5;

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors, then warnings, then reminders; within each, the order the check found them in (reading order). */
export function errorsFirst(problems: readonly Problem[]): Problem[] {
  return problems
    .map((p, at) => ({ p, at }))
    .sort((a, b) => ORDER[a.p.severity] - ORDER[b.p.severity] || a.at - b.at)
    .map(({ p }) => p);
}

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  line: { display: 'block', paddingBlock: '2px' },
  problem: {
    justifyContent: 'flex-start',
    alignItems: 'flex-start',
    textAlign: 'left',
    width: '100%',
    height: 'auto',
    minHeight: '28px',
    paddingInline: tokens.spacingHorizontalXS,
    fontWeight: tokens.fontWeightRegular,
  },
  severity: { fontWeight: tokens.fontWeightSemibold, marginInlineEnd: tokens.spacingHorizontalXS, whiteSpace: 'nowrap' },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorNeutralForeground2 },
});

export interface SheetProblemsProps {
  sheet: string;
  problems: readonly Problem[];
  strings: Strings;
  /** Given for the open workbook's sheets: a click on a problem calls it with the problem's cell, to select it. */
  onSelect?: Dispatch<string>;
}

/** One merged sheet's problems, compact: severity in words and colour, cell, field and message. */
export function SheetProblems({ sheet, problems, strings, onSelect }: SheetProblemsProps) {
  const s = strings.merge;
  const styles = useStyles();
  const listId = useId();
  const [expanded, setExpanded] = useState(false);
  if (problems.length === 0) return null;
  const ordered = errorsFirst(problems);
  const long = ordered.length > FEW_PROBLEMS;
  const shown = long && !expanded ? ordered.slice(0, FEW_PROBLEMS) : ordered;

  const content = (p: Problem) => (
    <>
      <span className={mergeClasses(styles.severity, styles[p.severity])}>{s.severityOne[p.severity]}</span>
      <span>{strings.problemLine(p.cell, p.label, formatProblem(p, strings.lang))}</span>
    </>
  );

  return (
    <div>
      {onSelect && (
        <Text size={200} className={styles.line}>
          {s.problemsClickHint}
        </Text>
      )}
      <ul id={listId} className={styles.list} aria-label={s.problemsOf(sheet)}>
        {shown.map((p, i) => (
          <li key={`${i}:${p.key}:${p.message}`}>
            {onSelect ? (
              <Button appearance="subtle" size="small" className={styles.problem} onClick={() => onSelect(p.cell)}>
                {content(p)}
              </Button>
            ) : (
              <Text size={200} className={styles.line}>
                {content(p)}
              </Text>
            )}
          </li>
        ))}
      </ul>
      {long && (
        <Button
          appearance="transparent"
          size="small"
          aria-expanded={expanded}
          aria-controls={listId}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? s.showFewerProblems : s.showMoreProblems(ordered.length - FEW_PROBLEMS)}
        </Button>
      )}
    </div>
  );
}
