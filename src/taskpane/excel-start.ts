import type { ExcelRun } from '../hosts/office/excel-surface';
import { lazyMergeHost } from './lazy-merge-host';
import type { WorkerLike } from './merge/merge-client';
import { officePaneHost, supportFromOffice, type PaneHost } from './pane-host';
import { WorkbookCatalogue } from './workbook-catalogue';

/**
 * The pane's host in Excel (index.tsx loads this module once Office.js is there, as the "excel-host" chunk): the
 * Office.js adapter and live checking. The 合并 tab's code waits for its first use. `loadWorker`: the merge worker's
 * spawner, loaded with the 合并 tab (index.tsx gives it: only webpack compiles that module).
 */
export function excelPaneHost(loadWorker: () => Promise<() => WorkerLike>): PaneHost {
  const run: ExcelRun = (batch) => Excel.run((context) => batch(context));
  // The forms imported into this workbook: listed for insert, checked live, and taken first by the merge.
  const workbookForms = new WorkbookCatalogue();
  // Excel on Mac saves no file a pane downloads (office-js #3385, #4681), as office-merge-host.ts says.
  const canDownload = Office.context?.platform !== Office.PlatformType?.Mac;
  const merge = lazyMergeHost(async () => {
    const [{ officeMergeHost }, { MergeClient }, spawnMergeWorker] = await Promise.all([
      import(/* webpackChunkName: "excel-merge" */ './office-merge-host'),
      import(/* webpackChunkName: "merge-tab" */ './merge/merge-client'),
      loadWorker(),
    ]);
    return officeMergeHost(run, new MergeClient(spawnMergeWorker), undefined, undefined, undefined, () => workbookForms.keptWithNotices);
  }, canDownload);
  return officePaneHost(run, supportFromOffice(), { merge, workbookForms });
}
