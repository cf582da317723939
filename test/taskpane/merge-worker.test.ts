import ExcelJS from 'exceljs';
import { CATALOGUE } from '../../src/notices';
import type { CellValue } from '../../src/core/cell-value';
import { createMergeHandler } from '../../src/taskpane/merge/merge-handler';
import { InProcessWorker, pickedFile as picked } from '../support/in-process-worker';
import { MergeCancelled, MergeClient, type WorkerLike } from '../../src/taskpane/merge/merge-client';
import type { MergePreview, MergeResponse, PickedFile, SlipFile } from '../../src/taskpane/merge/merge-protocol';
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
    const handle = createMergeHandler((r) => handlerOut.push(r), CATALOGUE);
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
    await createMergeHandler(
      (r) => out.push(r),
      CATALOGUE,
    )({
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

describe('the merge worker and the collection desk (issue 14)', () => {
  const ROSTER = ['殷行街道工会', '五角场街道工会', '长白新村街道工会'];
  const NOV_20 = Date.UTC(2026, 10, 20, 2);
  let files: PickedFile[];
  beforeAll(async () => {
    files = [
      picked('殷行.xlsx', await filledFile('yangpu-theme-activity', theme('殷行街道工会', 40)), NOV_20),
      picked('五角场.xlsx', await filledFile('yangpu-theme-activity', { ...theme('五角场街道工会', 25), contactPhone: '5588' }), NOV_20),
    ];
  });

  it('judges lateness by the deadline the pane gives, over the notice’s own', async () => {
    const client = new MergeClient(() => new InProcessWorker());
    const lateOf = (preview: MergePreview) =>
      preview.desk.units.filter((u) => u.onRoster && u.status !== 'missing').map((u) => [u.unit, u.forms.map((f) => f.late)]);
    const early = await client.readFiles(files, ROSTER, TODAY, () => undefined, undefined, '2026-11-01');
    expect(lateOf(early)).toEqual([
      ['殷行街道工会', [true]],
      ['五角场街道工会', [true]],
    ]);
    const later = await client.summarise(ROSTER, TODAY, '2026-11-30');
    expect(lateOf(later)).toEqual([
      ['殷行街道工会', [false]],
      ['五角场街道工会', [false]],
    ]);
    expect(later.desk.units.find((u) => u.unit === '长白新村街道工会')?.status).toBe('missing');
  });

  it('draws one 退回修改单 per unit with something to correct, each an .xlsx workbook, from the bytes of the last read', async () => {
    const out: MergeResponse[] = [];
    const handle = createMergeHandler((r) => out.push(r), CATALOGUE);
    await handle({ id: 1, type: 'read-files', files, roster: ROSTER, today: TODAY });
    const done = out.find((r) => r.type === 'done');
    expect(done?.type === 'done' && done.preview.desk.slips.map((s) => s.unit)).toEqual(['五角场街道工会']);
    await handle({ id: 2, type: 'slips' });
    const answer = out.find((r) => r.id === 2);
    if (answer?.type !== 'slips-done') throw new Error(`no slips: ${JSON.stringify(answer)}`);
    expect(answer.slips.map((s) => s.name)).toEqual(['退回修改单-五角场街道工会.xlsx']);
    const [slip] = answer.slips as SlipFile[];
    // a zip (PK\x03\x04) that ExcelJS opens: the list of problems first, then the unit's own sheet with the cell marked
    expect([...(slip?.data.subarray(0, 4) ?? [])]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(slip?.data.slice().buffer as ArrayBuffer);
    const [list, sheet] = workbook.worksheets;
    expect(list?.name).toBe('问题清单');
    expect(String(list?.getCell('A1').value)).toBe('退回修改单：五角场街道工会');
    expect(sheet).toBeDefined();
    const noted: string[] = [];
    sheet?.eachRow((row) => row.eachCell((cell) => void (cell.note ? noted.push(String(cell.value)) : undefined)));
    expect(noted).toContain('5588');
  });

  it('has no slips to draw before anything was read, and none for units with nothing to correct', async () => {
    const out: MergeResponse[] = [];
    const handle = createMergeHandler((r) => out.push(r), CATALOGUE);
    await handle({ id: 1, type: 'slips' });
    expect(out).toEqual([{ id: 1, type: 'slips-done', slips: [] }]);
    await handle({ id: 2, type: 'read-files', files: files.slice(0, 1), roster: ROSTER, today: TODAY });
    await handle({ id: 3, type: 'slips' });
    expect(out.at(-1)).toEqual({ id: 3, type: 'slips-done', slips: [] });
  });
});
