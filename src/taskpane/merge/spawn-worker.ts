import type { WorkerLike } from './merge-client';

/** The merge worker as its own bundle (SheetJS lives there, not in the pane's first load). Only webpack compiles this file. */
export function spawnMergeWorker(): WorkerLike {
  return new Worker(new URL('./merge-worker.ts', import.meta.url), { name: 'union-forms-merge' }) as unknown as WorkerLike;
}
