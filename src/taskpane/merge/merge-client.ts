import type { ReturnFile } from '../../core/merge/merge-returns';
import type { KeptDefinition, MergePreview, MergeRequest, MergeResponse, PickedFile, SlipFile } from './merge-protocol';

export interface WorkerLike {
  postMessage(message: MergeRequest): void;
  onmessage: ((event: { data: MergeResponse }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
  terminate(): void;
}

export class MergeCancelled extends Error {
  constructor() {
    super('已取消。');
    this.name = 'MergeCancelled';
  }
}

export type ReadProgress = (done: number, total: number, file: string) => void;

const previewOf = (data: MergeResponse): MergePreview | undefined => (data.type === 'done' ? data.preview : undefined);

type Body = MergeRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/** Talks to the merge worker: one request at a time; cancelling ends the worker (a new one starts on the next request). */
export class MergeClient {
  private worker: WorkerLike | undefined;
  private nextId = 1;

  constructor(private readonly spawn: () => WorkerLike) {}

  readFiles(
    files: PickedFile[],
    roster: string[],
    today: string,
    onProgress: ReadProgress,
    signal?: AbortSignal,
    deadline?: string,
    kept?: KeptDefinition[],
  ): Promise<MergePreview> {
    return this.request({ type: 'read-files', files, roster, today, deadline, kept }, previewOf, onProgress, signal);
  }

  readReturns(
    returns: ReturnFile[],
    roster: string[],
    today: string,
    signal?: AbortSignal,
    deadline?: string,
    kept?: KeptDefinition[],
  ): Promise<MergePreview> {
    return this.request({ type: 'read-returns', returns, roster, today, deadline, kept }, previewOf, () => undefined, signal);
  }

  summarise(roster: string[], today: string, deadline?: string): Promise<MergePreview> {
    return this.request({ type: 'summarise', roster, today, deadline }, previewOf, () => undefined);
  }

  /** The 退回修改单 of the last preview, as workbooks. */
  slips(): Promise<SlipFile[]> {
    return this.request(
      { type: 'slips' },
      (data) => (data.type === 'slips-done' ? data.slips : undefined),
      () => undefined,
    );
  }

  private request<T>(
    body: Body,
    answerOf: (data: MergeResponse) => T | undefined,
    onProgress: ReadProgress,
    signal?: AbortSignal,
  ): Promise<T> {
    if (signal?.aborted) return Promise.reject(new MergeCancelled());
    const worker = (this.worker ??= this.spawn());
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const finish = () => {
        worker.onmessage = null;
        worker.onerror = null;
        signal?.removeEventListener('abort', cancel);
      };
      const discard = () => {
        finish();
        worker.terminate();
        if (this.worker === worker) this.worker = undefined;
      };
      const cancel = () => {
        discard();
        reject(new MergeCancelled());
      };
      signal?.addEventListener('abort', cancel);
      worker.onerror = (event) => {
        discard();
        reject(new Error(`读取文件的后台任务出错${event.message ? `：${event.message}` : ''}。请重试；如仍出错，请减少一次选择的文件数。`));
      };
      worker.onmessage = ({ data }) => {
        if (data.id !== id) return;
        if (data.type === 'progress') onProgress(data.done, data.total, data.file);
        else if (data.type === 'failed') {
          finish();
          reject(new Error(data.message));
        } else {
          finish();
          const answer = answerOf(data);
          if (answer === undefined) reject(new Error(`后台任务的回答不对（${data.type}）。请重试。`));
          else resolve(answer);
        }
      };
      worker.postMessage({ ...body, id } as MergeRequest);
    });
  }
}
