/**
 * Copies text for the clerk: the async clipboard where the pane may use it; else (a pane in an iframe without the
 * clipboard permission, an older WebView) the text is selected in its read-only box and copied with the old copy
 * command; if that is refused too, the text stays selected for Ctrl+C.
 */
export type CopyOutcome = 'copied' | 'selected';

export async function copyText(text: string, box: HTMLTextAreaElement | null): Promise<CopyOutcome> {
  try {
    if (!navigator.clipboard?.writeText) throw new Error('no async clipboard');
    await navigator.clipboard.writeText(text);
    return 'copied';
  } catch {
    if (!box) return 'selected';
    box.focus();
    box.select();
    try {
      return document.execCommand('copy') ? 'copied' : 'selected';
    } catch {
      return 'selected';
    }
  }
}
