import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, Subtitle2, Text, Title3, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { FORMS } from '../../forms';
import { stringsFor, type Locale } from '../i18n';
import type { PaneHost } from '../pane-host';
import { FormCard } from './FormCard';

const useStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalM, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export function App({ host, locale }: { host: PaneHost; locale: Locale }) {
  const strings = stringsFor(locale);
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme} lang={locale}>
      <main className={styles.root}>
        <Title3 as="h1">{strings.appTitle}</Title3>
        <Text>{strings.appSubtitle}</Text>
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
        <Subtitle2 as="h2">{strings.galleryHeading}</Subtitle2>
        {FORMS.map((form) => (
          <FormCard key={form.id} form={form} host={host} strings={strings} />
        ))}
      </main>
    </FluentProvider>
  );
}
