import { Button, makeStyles } from '@fluentui/react-components';
import type { Locale } from '../i18n';

const LABEL: Record<Locale, { text: string; hint: string }> = {
  'zh-CN': { text: '收起窗格', hint: '收起工会表格助手窗格；再点功能区“工会表格”中的“打开助手”可重新打开。' },
  'en-US': { text: 'Hide pane', hint: 'Hides the Union Forms pane; the 工会表格 tab on the ribbon opens it again.' },
};

const useStyles = makeStyles({ root: { alignSelf: 'flex-end' } });

/**
 * WPS only: hides the task pane from inside it. While a docked WPS task pane is open, the ribbon may ignore the mouse
 * (WPS bbs 93291, since 12.1.0.26895, as zeweihan/aiworkdeck's .claude/agents/office-addin.md records), so the
 * ribbon's own button cannot be relied on to close it.
 */
export function CollapseButton({ locale, onCollapse }: { locale: Locale; onCollapse: () => void }) {
  const styles = useStyles();
  const label = LABEL[locale];
  return (
    <Button className={styles.root} appearance="subtle" size="small" title={label.hint} onClick={onCollapse}>
      {label.text}
    </Button>
  );
}
