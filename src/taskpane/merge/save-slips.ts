import { zipFiles } from '../../hosts/xlsx/zip-write';
import type { SlipFile } from './merge-protocol';

/**
 * Hands the clerk the 退回修改单 as one .zip to save: a download through a link to a blob, which Excel on Windows and
 * on the web save like a browser does (Excel on Mac does not: office-js #3385, #4681; the pane says so there).
 */
export async function downloadSlips(slips: readonly SlipFile[], zipName: string): Promise<void> {
  const zip = await zipFiles(slips);
  const url = URL.createObjectURL(new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = zipName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
    // the download has taken the blob once the click's task is over
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
