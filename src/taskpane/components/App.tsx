import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Tab,
  TabList,
  Text,
  Title3,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { Suspense, lazy, useState, useSyncExternalStore } from 'react';
import { stringsFor, type Locale } from '../i18n';
import { newFormStrings } from '../new-form/new-form-strings';
import type { PaneHost } from '../pane-host';
import { FormCard } from './FormCard';
import { ValidationPanel } from './ValidationPanel';

const MergePanel = lazy(() => import('./MergePanel'));
// 新表格 is opened a few times a year: its review and its Word reader are not in the pane's first load.
const NewFormPanel = lazy(() => import('./NewFormPanel'));

type TabName = 'insert' | 'check' | 'merge';

const useStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalM, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export function App({ host, locale }: { host: PaneHost; locale: Locale }) {
  const strings = stringsFor(locale);
  const styles = useStyles();
  const [tab, setTab] = useState<TabName>('insert');
  const [newForm, setNewForm] = useState(false);
  const { validation, merge, workbookForms } = host;
  // The gallery lists the program's forms and those imported into this workbook, updated when one is saved.
  const forms = useSyncExternalStore(
    (listener) => workbookForms.subscribe(listener),
    () => workbookForms.forms,
  );
  return (
    <FluentProvider theme={webLightTheme} lang={locale}>
      <main className={styles.root}>
        <Title3 as="h1">{strings.appTitle}</Title3>
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
          <TabList selectedValue={tab} onTabSelect={(_e, data) => setTab(data.value as TabName)}>
            <Tab value="insert">{strings.tabInsert}</Tab>
            <Tab value="check">{strings.tabCheck}</Tab>
            {merge && <Tab value="merge">{strings.tabMerge}</Tab>}
          </TabList>
        )}
        {tab === 'check' && validation ? (
          <ValidationPanel validation={validation} strings={strings} />
        ) : tab === 'merge' && merge ? (
          <Suspense fallback={<Spinner size="tiny" />}>
            <MergePanel merge={merge} strings={strings} />
          </Suspense>
        ) : (
          <section aria-label={strings.galleryHeading}>
            <Text as="h2" size={400} weight="semibold">
              {strings.galleryHeading}
            </Text>
            {/* the insert tab's own instruction: the other tabs have theirs (issue 14 §4) */}
            <Text>{strings.appSubtitle}</Text>
            <div>
              <Button appearance={newForm ? 'secondary' : 'subtle'} aria-expanded={newForm} onClick={() => setNewForm((v) => !v)}>
                {newFormStrings(locale).heading}…
              </Button>
            </div>
            {newForm && (
              <Suspense fallback={<Spinner size="tiny" />}>
                <NewFormPanel host={host} locale={locale} />
              </Suspense>
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
        )}
      </main>
    </FluentProvider>
  );
}
