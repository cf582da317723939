import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useRef, type KeyboardEvent } from 'react';

// The pane's three tabs, as the WAI-ARIA tabs pattern says (role tablist/tab, aria-selected, one tab in the Tab
// order, the arrow keys, Home and End moving between them and choosing at once). Fluent's TabList does the same with
// its animated indicator and tabster's Mover, loaded with the pane's first load for three buttons (CardBox.tsx says
// what the two weighed).
const useStyles = makeStyles({
  list: { display: 'flex', gap: tokens.spacingHorizontalXS, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  tab: {
    border: 'none',
    background: 'none',
    cursor: 'pointer',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground2,
    borderBottom: `${tokens.strokeWidthThicker} solid transparent`,
    ':hover': { color: tokens.colorNeutralForeground1, borderBottomColor: tokens.colorNeutralStroke1Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, borderRadius: tokens.borderRadiusMedium },
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    borderBottomColor: tokens.colorCompoundBrandStroke,
    ':hover': { borderBottomColor: tokens.colorCompoundBrandStrokeHover },
  },
});

export interface PaneTab<T extends string> {
  value: T;
  label: string;
}

export interface PaneTabsProps<T extends string> {
  tabs: readonly PaneTab<T>[];
  selected: T;
  /** Called with the tab clicked, or reached by the keys. */
  // eslint-disable-next-line no-unused-vars -- a parameter named in a type: eslint's own rule does not know TypeScript
  onSelect(value: T): void;
}

export function PaneTabs<T extends string>({ tabs, selected, onSelect }: PaneTabsProps<T>) {
  const styles = useStyles();
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const moveTo = (index: number) => {
    const next = (index + tabs.length) % tabs.length;
    const tab = tabs[next];
    if (!tab) return;
    buttons.current[next]?.focus();
    onSelect(tab.value);
  };
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (step !== undefined) moveTo(index + step);
    else if (event.key === 'Home') moveTo(0);
    else if (event.key === 'End') moveTo(tabs.length - 1);
    else return;
    event.preventDefault();
  };
  return (
    <div role="tablist" className={styles.list}>
      {tabs.map((tab, i) => {
        const isSelected = tab.value === selected;
        return (
          <button
            key={tab.value}
            ref={(el) => {
              buttons.current[i] = el;
            }}
            type="button"
            role="tab"
            aria-selected={isSelected}
            tabIndex={isSelected ? 0 : -1}
            className={mergeClasses(styles.tab, isSelected && styles.selected)}
            onClick={() => onSelect(tab.value)}
            onKeyDown={(e) => onKeyDown(e, i)}
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}
