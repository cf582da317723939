import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { pickLocale } from './i18n';
import { MergeClient } from './merge/merge-client';
import { spawnMergeWorker } from './merge/spawn-worker';
import { officeMergeHost } from './office-merge-host';
import type { ExcelRun } from '../hosts/office/excel-surface';
import { detachedPaneHost, officePaneHost, supportFromOffice } from './pane-host';
import { WorkbookCatalogue } from './workbook-catalogue';

function mount(): void {
  const container = document.getElementById('app');
  if (!container) return;
  const root = createRoot(container);
  if (typeof Office === 'undefined') {
    root.render(<App host={detachedPaneHost()} locale={pickLocale(navigator.language)} />);
    return;
  }
  void Office.onReady((info) => {
    const locale = pickLocale(Office.context?.displayLanguage ?? navigator.language);
    if (info.host !== Office.HostType.Excel) {
      root.render(<App host={detachedPaneHost()} locale={locale} />);
      return;
    }
    const run: ExcelRun = (batch) => Excel.run((context) => batch(context));
    // The forms imported into this workbook: listed for insert, checked live, and taken first by the merge.
    const workbookForms = new WorkbookCatalogue();
    const merge = officeMergeHost(
      run,
      new MergeClient(spawnMergeWorker),
      undefined,
      undefined,
      undefined,
      () => workbookForms.keptWithNotices,
    );
    root.render(<App host={officePaneHost(run, supportFromOffice(), { merge, workbookForms })} locale={locale} />);
  });
}

mount();
