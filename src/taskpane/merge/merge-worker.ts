import { CATALOGUE } from '../../notices';
import { createMergeHandler } from './merge-handler';
import type { MergeRequest, MergeResponse } from './merge-protocol';

interface WorkerScope {
  postMessage(message: MergeResponse): void;
  onmessage: ((event: { data: MergeRequest }) => void) | null;
}

const scope = self as unknown as WorkerScope;
const handle = createMergeHandler((response) => scope.postMessage(response), CATALOGUE);
scope.onmessage = (event) => void handle(event.data);
