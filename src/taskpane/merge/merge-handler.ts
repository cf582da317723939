import type { ReturnFile } from '../../core/merge/merge-returns';
import { readReturnBuffer, summariseReturns } from '../../hosts/xlsx/merge-buffers';
import { fileTooLarge } from '../../hosts/xlsx/read-workbook';
import type { MergePreview, MergeRequest, MergeResponse, PickedFile } from './merge-protocol';

async function readPicked(file: PickedFile): Promise<ReturnFile> {
  const tooLarge = fileTooLarge(file.size);
  if (tooLarge) return { file: file.name, modified: file.lastModified, unreadable: tooLarge };
  let data: Uint8Array;
  try {
    data = new Uint8Array(await file.arrayBuffer());
  } catch {
    return { file: file.name, modified: file.lastModified, unreadable: '无法读取此文件：文件可能已被移动、删除或正被其他程序使用。' };
  }
  return readReturnBuffer({ name: file.name, modified: file.lastModified, data });
}

function previewOf(returns: readonly ReturnFile[], roster: string[], today: string): MergePreview {
  const { result, summaries, report } = summariseReturns(returns, { today, roster });
  return { inputs: result.inputs, missing: result.missing, summaries, report };
}

/**
 * The merge worker's message handling, kept apart from the worker global so tests can drive it directly. It keeps
 * the returns of the last read, so a changed roster is summarised again without reading the files twice.
 */
export function createMergeHandler(post: (response: MergeResponse) => void): (request: MergeRequest) => Promise<void> {
  let lastReturns: ReturnFile[] = [];
  return async (request) => {
    try {
      if (request.type === 'read-files') {
        const returns: ReturnFile[] = [];
        for (const [i, file] of request.files.entries()) {
          returns.push(await readPicked(file));
          post({ id: request.id, type: 'progress', done: i + 1, total: request.files.length, file: file.name });
        }
        lastReturns = returns;
      } else if (request.type === 'read-returns') lastReturns = request.returns;
      post({ id: request.id, type: 'done', preview: previewOf(lastReturns, request.roster, request.today) });
    } catch (err) {
      post({ id: request.id, type: 'failed', message: `合并时出错：${String((err as Error)?.message ?? err).slice(0, 200)}` });
    }
  };
}
