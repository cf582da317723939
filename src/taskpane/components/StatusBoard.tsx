import { Caption1, Subtitle2, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { Desk } from '../../app/collection-desk';
import type { FormStatus } from '../../core/collect/collection-status';
import type { Strings } from '../i18n';

/**
 * 报送情况 (issue 14 §1): the roster's units down, the notice's forms across; each cell says in words what came (已报,
 * 迟报, 未报, 有误, 已更正) and is coloured to match, never colour alone. Units not on the roster are listed below.
 */
export type FormWord = keyof Strings['merge']['formWord'];

/** What a board cell says of one unit's form, most pressing first. */
export function formWords(form: FormStatus | undefined): FormWord[] {
  if (!form) return ['notOwed'];
  if (!form.submitted) return ['missing'];
  const words: FormWord[] = [];
  if (form.errors + form.warnings > 0) words.push('problems');
  if (form.late) words.push('late');
  if (form.corrected) words.push('corrected');
  return words.length ? words : ['submitted'];
}

const useStyles = makeStyles({
  scroller: { overflowX: 'auto', maxWidth: '100%' },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
  head: {
    textAlign: 'left',
    fontWeight: tokens.fontWeightSemibold,
    verticalAlign: 'bottom',
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    minWidth: '3.5em',
  },
  unit: {
    textAlign: 'left',
    fontWeight: tokens.fontWeightRegular,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    position: 'sticky',
    left: 0,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: '6em',
  },
  cell: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    verticalAlign: 'top',
  },
  word: { display: 'inline-block', whiteSpace: 'nowrap', marginRight: tokens.spacingHorizontalXXS },
  unitWord: { display: 'block', whiteSpace: 'nowrap', color: tokens.colorNeutralForeground3 },
  missing: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  problems: { color: tokens.colorPaletteRedForeground1 },
  late: { color: tokens.colorPaletteDarkOrangeForeground1 },
  corrected: { color: tokens.colorPaletteBlueForeground2 },
  submitted: { color: tokens.colorPaletteGreenForeground1 },
  notOwed: { color: tokens.colorNeutralForeground3 },
  block: { display: 'block', margin: 0 },
});

export function StatusBoard({ desk, strings }: { desk: Desk; strings: Strings }) {
  const s = strings.merge;
  const styles = useStyles();
  const heading = useId();
  const onRoster = desk.units.filter((u) => u.onRoster);
  const offRoster = desk.units.filter((u) => !u.onRoster);
  const columns = new Map<string, string>();
  for (const unit of onRoster) for (const f of unit.forms) if (!columns.has(f.form)) columns.set(f.form, f.title);
  return (
    <div>
      <Subtitle2 as="h2" id={heading} className={styles.block}>
        {s.boardHeading}
      </Subtitle2>
      <div className={styles.scroller} role="region" aria-labelledby={heading} tabIndex={0}>
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col" className={styles.head}>
                {s.unitColumn}
              </th>
              {[...columns].map(([id, title]) => (
                <th key={id} scope="col" className={styles.head}>
                  {title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {onRoster.map((unit) => (
              <tr key={unit.unit}>
                <th scope="row" className={styles.unit}>
                  {unit.unit}
                  <span className={mergeClasses(styles.unitWord, unit.status !== 'complete' && styles.missing)}>
                    {s.unitWord[unit.status]}
                  </span>
                </th>
                {[...columns].map(([id, title]) => {
                  const form = unit.forms.find((f) => f.form === id);
                  const words = formWords(form);
                  return (
                    <td
                      key={id}
                      className={styles.cell}
                      title={s.cellLabel(
                        unit.unit,
                        title,
                        words.map((w) => s.formWord[w]).join('、'),
                        form?.errors ?? 0,
                        form?.warnings ?? 0,
                      )}
                    >
                      {words.map((w) => (
                        <span key={w} className={mergeClasses(styles.word, styles[w])}>
                          {s.formWord[w]}
                        </span>
                      ))}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {offRoster.length > 0 && (
        <Caption1 as="p" className={styles.block}>
          {s.offRoster(offRoster.map((u) => u.unit))}
        </Caption1>
      )}
    </div>
  );
}
