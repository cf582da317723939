import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

// A card's look as Fluent's Card draws its default (filled, not selectable): a raised white box. Fluent's own Card
// brings its selectable, interactive and focus-group styles and tabster's Groupper (with TabList, see PaneTabs.tsx,
// 35 KB of the 160 KB gzipped first load: `npm run size` before and after);
// the pane's cards are neither selectable nor one focus stop, so a plain group does.
const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    boxShadow: tokens.shadow4,
  },
});

/** A form's card in the gallery or under review: a group named by its heading, as Fluent's Card is. */
export function CardBox({ labelledBy, className, children }: { labelledBy: string; className?: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <div role="group" className={mergeClasses(styles.box, className)} aria-labelledby={labelledBy}>
      {children}
    </div>
  );
}
