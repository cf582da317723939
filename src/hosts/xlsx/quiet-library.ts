/**
 * SheetJS reports what it doubts through the console ("ODS number format may be incorrect", "Cannot hydrate range",
 * "Bad uncompressed size" …), in English. The command line's stderr carries only its own Chinese lines, and the pane's
 * worker has no one to read them: a read is run with the console's methods silenced, and they are put back after it,
 * whatever happens. Reads are synchronous, so nothing else runs while they are silenced.
 */
const METHODS = ['error', 'warn', 'log', 'info', 'debug', 'trace'] as const;

export function withoutLibraryOutput<T>(read: () => T): T {
  const target = console as unknown as Record<string, unknown>;
  const saved = METHODS.map((m) => [m, target[m]] as const);
  for (const m of METHODS) target[m] = () => undefined;
  try {
    return read();
  } finally {
    for (const [m, method] of saved) target[m] = method;
  }
}
