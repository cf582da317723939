/** jsdom lacks ResizeObserver, which Fluent's MessageBar uses to lay out its actions. */
if (typeof window !== 'undefined' && !('ResizeObserver' in window)) {
  class NoResizeObserver {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  (window as unknown as { ResizeObserver: typeof NoResizeObserver }).ResizeObserver = NoResizeObserver;
}
