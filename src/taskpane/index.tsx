import { createRoot, type Root } from 'react-dom/client';
import { App } from './components/App';
import { pickLocale, type Locale } from './i18n';
import type { PaneHost } from './pane-host';
import type { EtApplicationSurface } from '../hosts/wps/wps-surface';

/**
 * The host is chosen at start-up: Office.js present → Excel; a `window.Application` with `Workbooks` → WPS 表格
 * (WPS gives its task pane that synchronous object model and no Office.js; its `Application.Name` imitates Excel's,
 * so ET is told by `Workbooks`, as aiworkdeck's wpsDoc.js does); otherwise the pane is detached (a plain browser).
 * Each host's adapter and live checking is its own chunk (excel-host, wps-host), loaded once the host is known:
 * the page's first load is React, Fluent UI and the pane's shell only.
 */
/** The merge worker's spawner, with the 合并 tab's code. */
const loadWorker = () => import(/* webpackChunkName: "merge-tab" */ './merge/spawn-worker').then((m) => m.spawnMergeWorker);

/**
 * WPS 表格's object model: the global `Application` (Kingsoft's typings: index.d.ts), or, in older builds, what
 * `wps.EtApplication()` gives (the deprecated root the typings name; tmustier/pi-for-excel src/host/wps/jsapi.ts tries
 * both). Only an object with `Workbooks` is ET.
 */
function wpsApplication(): EtApplicationSurface | undefined {
  const page = window as unknown as {
    Application?: Partial<EtApplicationSurface>;
    wps?: { EtApplication?: () => Partial<EtApplicationSurface> | undefined };
  };
  const isEt = (app: Partial<EtApplicationSurface> | undefined): app is EtApplicationSurface =>
    app !== undefined && app !== null && typeof app === 'object' && Boolean(app.Workbooks);
  try {
    if (isEt(page.Application)) return page.Application;
    const older = typeof page.wps?.EtApplication === 'function' ? page.wps.EtApplication() : undefined;
    return isEt(older) ? older : undefined;
  } catch {
    return undefined;
  }
}

function show(root: Root, host: PaneHost, locale: Locale, onCollapse?: () => void): void {
  root.render(<App host={host} locale={locale} onCollapse={onCollapse} />);
}

async function showDetached(root: Root, locale: Locale): Promise<void> {
  const { detachedPaneHost } = await import(/* webpackChunkName: "excel-host" */ './pane-host');
  show(root, detachedPaneHost(), locale);
}

function mount(): void {
  const container = document.getElementById('app');
  if (!container) return;
  const root = createRoot(container);
  if (typeof Office !== 'undefined') {
    // fetched while office.js starts
    const excel = import(/* webpackChunkName: "excel-host" */ './excel-start');
    void Office.onReady(async (info) => {
      const locale = pickLocale(Office.context?.displayLanguage ?? navigator.language);
      if (info.host !== Office.HostType.Excel) return showDetached(root, locale);
      show(root, (await excel).excelPaneHost(loadWorker), locale);
    });
    return;
  }
  const et = wpsApplication();
  const locale = pickLocale(navigator.language);
  if (et) {
    void import(/* webpackChunkName: "wps-host" */ './wps-pane-host').then(({ wpsPaneHost, collapseWpsPane }) =>
      show(root, wpsPaneHost(et, { loadWorker }), locale, () => collapseWpsPane(et)),
    );
    return;
  }
  void showDetached(root, locale);
}

mount();
