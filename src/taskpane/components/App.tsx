import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  Title3,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { Suspense, lazy, useState, useSyncExternalStore } from 'react';
import { stringsFor, type Locale } from '../i18n';
import type { PaneHost } from '../pane-host';
import { CollapseButton } from './CollapseButton';
import { FormCard } from './FormCard';
import { PaneTabs } from './PaneTabs';
import { usePreloaded } from './preloaded';

// Each tab's code waits for the tab's first opening (the chunk names are what `npm run size` reports).
const MergePanel = lazy(() => import(/* webpackChunkName: "merge-tab" */ './MergePanel'));
// 检查's list and the problems' wording (core/messages) are not needed to show the forms: loaded once the pane shows.
const loadValidationPanel = () => import(/* webpackChunkName: "check-tab" */ './ValidationPanel');
// 新表格 is opened a few times a year: its review and its Word reader are not in the pane's first load.
const NewFormPanel = lazy(() => import(/* webpackChunkName: "new-form" */ './NewFormPanel'));

// 自检 is run once on a new machine: its panel and the host's probes load when it is opened.
const SelfTest = lazy(() => import(/* webpackChunkName: "self-test" */ './SelfTest'));

type TabName = 'insert' | 'check' | 'merge';

const useStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalM, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/**
 * `onCollapse`: in WPS, a button that hides the pane. While a docked WPS task pane is open the ribbon may ignore the
 * mouse (WPS bbs 93291, since 12.1.0.26895; aiworkdeck's "已知地雷"), so the clerk may not reach the ribbon button.
 */
export function App({ host, locale, onCollapse }: { host: PaneHost; locale: Locale; onCollapse?: () => void }) {
  const strings = stringsFor(locale);
  const styles = useStyles();
  const [tab, setTab] = useState<TabName>('insert');
  const [newForm, setNewForm] = useState(false);
  const [newFormOpened, setNewFormOpened] = useState(false);
  const [selfTestOpen, setSelfTestOpen] = useState(false);
  const { validation, merge, workbookForms } = host;
  const checkTab = usePreloaded(loadValidationPanel, validation !== undefined);
  // The tab shown: 检查 and 合并 need the workbook; outside Office the gallery is all there is.
  const showing: TabName = (tab === 'check' && validation) || (tab === 'merge' && merge) ? tab : 'insert';
  // The gallery lists the program's forms and those imported into this workbook, updated when one is saved.
  const forms = useSyncExternalStore(
    (listener) => workbookForms.subscribe(listener),
    () => workbookForms.forms,
  );
  return (
    <FluentProvider theme={webLightTheme} lang={locale}>
      <main className={styles.root}>
        <Title3 as="h1">{strings.appTitle}</Title3>
        {onCollapse && <CollapseButton locale={locale} onCollapse={onCollapse} />}
        {!host.inOffice && (
          <MessageBar intent="warning">
            <MessageBarBody>{strings.outsideOffice}</MessageBarBody>
          </MessageBar>
        )}
        {host.missing.length > 0 && (
          <MessageBar intent="info">
            <MessageBarBody>
              <MessageBarTitle>{strings.missingTitle}</MessageBarTitle>
              {host.missing.map((m) => (
                <div key={m}>{strings.missing[m]}</div>
              ))}
            </MessageBarBody>
          </MessageBar>
        )}
        {validation && (
          <PaneTabs<TabName>
            tabs={[
              { value: 'insert', label: strings.tabInsert },
              { value: 'check', label: strings.tabCheck },
              ...(merge ? [{ value: 'merge' as const, label: strings.tabMerge }] : []),
            ]}
            selected={showing}
            onSelect={setTab}
          />
        )}
        {showing === 'check' && validation ? (
          checkTab ? (
            <checkTab.ValidationPanel validation={validation} strings={strings} />
          ) : (
            <Spinner size="tiny" />
          )
        ) : showing === 'merge' && merge ? (
          <Suspense fallback={<Spinner size="tiny" />}>
            <MergePanel merge={merge} strings={strings} />
          </Suspense>
        ) : null}
        {/* The insert tab stays mounted (hidden on the other tabs) so that forms under review in 新表格 survive a look at
            检查 or 合并. */}
        <section aria-label={strings.galleryHeading} hidden={showing !== 'insert'}>
          <Text as="h2" size={400} weight="semibold" block>
            {strings.galleryHeading}
          </Text>
          {/* the insert tab's own instruction: the other tabs have theirs (issue 14 §4) */}
          <Text>{strings.appSubtitle}</Text>
          <div>
            <Button
              appearance={newForm ? 'secondary' : 'subtle'}
              aria-expanded={newForm}
              onClick={() => {
                setNewFormOpened(true);
                setNewForm((v) => !v);
              }}
            >
              {strings.newForm}…
            </Button>
          </div>
          {/* once opened, 新表格 stays mounted (hidden when closed): drafts under review are not lost by closing it */}
          {newFormOpened && (
            <div hidden={!newForm}>
              <Suspense fallback={<Spinner size="tiny" />}>
                <NewFormPanel host={host} locale={locale} />
              </Suspense>
            </div>
          )}
          {workbookForms.refused.map((r) => (
            <MessageBar key={r} intent="warning">
              <MessageBarBody>{r}</MessageBarBody>
            </MessageBar>
          ))}
          {forms.map((form) => (
            <FormCard key={form.id} form={form} host={host} strings={strings} />
          ))}
        </section>
        {host.selfTest && (
          <footer>
            <Button appearance="subtle" size="small" aria-expanded={selfTestOpen} onClick={() => setSelfTestOpen((v) => !v)}>
              {strings.selfTest.open}
            </Button>
            {selfTestOpen && (
              <Suspense fallback={<Spinner size="tiny" />}>
                <SelfTest run={() => host.selfTest?.() ?? Promise.reject(new Error(strings.selfTest.failed))} strings={strings.selfTest} />
              </Suspense>
            )}
          </footer>
        )}
      </main>
    </FluentProvider>
  );
}
