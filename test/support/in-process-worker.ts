import { CATALOGUE } from '../../src/notices';
import { createMergeHandler } from '../../src/taskpane/merge/merge-handler';
import type { WorkerLike } from '../../src/taskpane/merge/merge-client';
import type { MergeRequest, MergeResponse, PickedFile } from '../../src/taskpane/merge/merge-protocol';

/** The merge worker's handler run in this process, delivering messages asynchronously as a real worker would. */
export class InProcessWorker implements WorkerLike {
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  terminated = false;
  readonly handled: MergeRequest['type'][] = [];
  private readonly handle = createMergeHandler(
    (response: MergeResponse) =>
      setTimeout(() => {
        if (!this.terminated) this.onmessage?.({ data: response });
      }, 0),
    CATALOGUE,
  );

  postMessage(message: MergeRequest): void {
    this.handled.push(message.type);
    setTimeout(() => void this.handle(message), 0);
  }

  terminate(): void {
    this.terminated = true;
  }
}

export function pickedFile(name: string, data: Uint8Array, lastModified = 1): PickedFile {
  return { name, lastModified, size: data.length, arrayBuffer: () => Promise.resolve(data.slice().buffer) };
}
