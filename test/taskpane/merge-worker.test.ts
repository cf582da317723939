import type { CellValue } from '../../src/core/cell-value';
import { createMergeHandler } from '../../src/taskpane/merge/merge-handler';
import { InProcessWorker, pickedFile as picked } from '../support/in-process-worker';
import { MergeCancelled, MergeClient, type WorkerLike } from '../../src/taskpane/merge/merge-client';
import type { MergeResponse, PickedFile } from '../../src/taskpane/merge/merge-protocol';
import { filledFile } from '../support/filled-file';

const TODAY = '2026-11-21';

function theme(unit: string, people: number): Record<string, CellValue> {
  return {
    unit,
    contact: '张琳',
    contactPhone: '25032216',
    fillDate: '2018-6-10',
    'activities[0].seq': 1,
    'activities[0].name': `${unit}劳模宣讲`,
    'activities[0].form': '宣讲',
    'activities[0].schedule': '6月',
    'activities[0].content': '宣讲劳模事迹',
    'activities[0].participants': people,
  };
}

describe('the merge worker', () => {
  let files: PickedFile[];
  beforeAll(async () => {
    files = [
      picked('殷行.xlsx', await filledFile('yangpu-theme-activity', theme('殷行街道工会', 40))),
      picked('坏文件.xlsx', new TextEncoder().encode('这不是工作簿')),
      picked('五角场.xlsx', await filledFile('yangpu-theme-activity', theme('五角场街道工会', 25))),
    ];
  });

  it('reads every file with progress, reports the bad one and merges the others', async () => {
    const workers: InProcessWorker[] = [];
    const client = new MergeClient(() => {
      workers.push(new InProcessWorker());
      return workers[workers.length - 1] as InProcessWorker;
    });
    const progress: string[] = [];
    const preview = await client.readFiles(files, ['殷行街道工会', '五角场街道工会', '长白新村街道工会'], TODAY, (done, total, file) =>
      progress.push(`${done}/${total} ${file}`),
    );
    expect(progress).toEqual(['1/3 殷行.xlsx', '2/3 坏文件.xlsx', '3/3 五角场.xlsx']);
    expect(preview.inputs.map((i) => i.status)).toEqual(['merged', 'unreadable', 'merged']);
    expect(preview.inputs[1]?.message).toMatch(/不是 Excel 文件/);
    const summary = preview.summaries.find((t) => t.formId === 'yangpu-theme-activity');
    expect(summary?.rows).toHaveLength(2);
    const participants = summary?.header.indexOf('参与人数') ?? -1;
    expect(summary?.totals?.[participants]).toBe(40 + 25);
    expect(preview.missing).toEqual(['长白新村街道工会']);
    expect(preview.report.sheetName).toBe('合并报告');

    const again = await client.summarise(['殷行街道工会'], TODAY);
    expect(again.missing).toEqual([]);
    expect(again.summaries.find((t) => t.formId === 'yangpu-theme-activity')?.rows).toHaveLength(2);
    expect(workers).toHaveLength(1);
    expect(workers[0]?.handled).toEqual(['read-files', 'summarise']);
  });

  it('cancelling ends the worker, and the next request starts a fresh one', async () => {
    const workers: InProcessWorker[] = [];
    const client = new MergeClient(() => {
      workers.push(new InProcessWorker());
      return workers[workers.length - 1] as InProcessWorker;
    });
    const controller = new AbortController();
    const pending = client.readFiles(files, [], TODAY, () => controller.abort(), controller.signal);
    await expect(pending).rejects.toBeInstanceOf(MergeCancelled);
    expect(workers[0]?.terminated).toBe(true);
    const preview = await client.readFiles(files.slice(0, 1), [], TODAY, () => undefined);
    expect(preview.inputs).toHaveLength(1);
    expect(workers).toHaveLength(2);
  });

  it('a file that cannot be read from disk gets a Chinese verdict; the rest merge', async () => {
    const handlerOut: MergeResponse[] = [];
    const handle = createMergeHandler((r) => handlerOut.push(r));
    const gone: PickedFile = {
      name: '已删除.xlsx',
      lastModified: 0,
      size: 10,
      arrayBuffer: () => Promise.reject(new Error('NotReadableError')),
    };
    await handle({ id: 7, type: 'read-files', files: [gone, files[0] as PickedFile], roster: [], today: TODAY });
    const done = handlerOut.find((r) => r.type === 'done');
    expect(done?.type === 'done' && done.preview.inputs.map((i) => [i.status, i.message])).toEqual([
      ['unreadable', expect.stringMatching(/无法读取此文件/)],
      ['merged', expect.any(String)],
    ]);
  });

  it('a file over the size limit is refused from its size, without reading its bytes', async () => {
    const out: MergeResponse[] = [];
    let read = false;
    const huge: PickedFile = {
      name: '全部附件.xlsx',
      lastModified: 0,
      size: 2 * 1024 ** 3,
      arrayBuffer: () => {
        read = true;
        return Promise.reject(new Error('out of memory'));
      },
    };
    await createMergeHandler((r) => out.push(r))({
      id: 1,
      type: 'read-files',
      files: [huge, files[0] as PickedFile],
      roster: [],
      today: TODAY,
    });
    const done = out.find((r) => r.type === 'done');
    expect(done?.type === 'done' && done.preview.inputs.map((i) => [i.status, i.message])).toEqual([
      ['unreadable', expect.stringMatching(/^文件太大（2048\.0 MB），超过 30 MB 的上限/)],
      ['merged', expect.any(String)],
    ]);
    expect(read).toBe(false);
  });

  it('a crashed worker rejects with a Chinese message and is replaced', async () => {
    let spawned = 0;
    const client = new MergeClient(() => {
      spawned++;
      const worker: WorkerLike = {
        onmessage: null,
        onerror: null,
        postMessage: () => setTimeout(() => worker.onerror?.({ message: 'out of memory' }), 0),
        terminate: () => undefined,
      };
      return worker;
    });
    await expect(client.summarise([], TODAY)).rejects.toThrow(/后台任务出错：out of memory/);
    await expect(client.summarise([], TODAY)).rejects.toThrow(/后台任务出错/);
    expect(spawned).toBe(2);
  });
});
