/** jsdom lacks ResizeObserver, which Fluent's MessageBar uses to lay out its actions. */
if (typeof window !== 'undefined' && !('ResizeObserver' in window)) {
  class NoResizeObserver {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  (window as unknown as { ResizeObserver: typeof NoResizeObserver }).ResizeObserver = NoResizeObserver;
}

/**
 * jsdom's window has no TextDecoder, which every browser (and the pane's worker) has and the file reader uses to
 * read a workbook's styles: Node's own is put in its place.
 */
if (typeof window !== 'undefined' && typeof (globalThis as { TextDecoder?: unknown }).TextDecoder === 'undefined') {
  const { TextDecoder: NodeTextDecoder } = require('util') as typeof import('util');
  (globalThis as unknown as { TextDecoder: typeof NodeTextDecoder }).TextDecoder = NodeTextDecoder;
}
