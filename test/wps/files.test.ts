/**
 * Files for merge and import in WPS: chosen in WPS's own dialog (Application.FileDialog(3)) and read through
 * wps.FileSystem, or given by the pane's <input type=file>; either way the same bytes reach the same worker merge and
 * the same .docx import. The returns are written by ExcelJS over our template (as a clerk's Excel saves them), the
 * notice by python-docx.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CellValue } from '../../src/core/cell-value';
import { importNoticeForms } from '../../src/app/import-forms';
import { readDocx } from '../../src/hosts/docx/read-docx';
import { baseName, pickFiles } from '../../src/hosts/wps/pick-files';
import { MergeClient } from '../../src/taskpane/merge/merge-client';
import { wpsMergeHost } from '../../src/taskpane/wps-merge-host';
import { KIND_CASE, WORST_CASE } from '../fake-wps/behaviours';
import { FakeEt } from '../fake-wps/fake-et';
import { filledFile } from '../support/filled-file';
import { InProcessWorker } from '../support/in-process-worker';

const TODAY = '2026-11-21';
const ROSTER = ['殷行街道工会', '五角场街道工会', '长白新村街道工会'];

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

let yinhang: Uint8Array;
let wujiaochang: Uint8Array;
let notice: Uint8Array;

beforeAll(async () => {
  yinhang = await filledFile('yangpu-theme-activity', theme('殷行街道工会', 40));
  wujiaochang = await filledFile('yangpu-theme-activity', theme('五角场街道工会', 25));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wps-files-'));
  execFileSync('/usr/bin/python3', [path.join(__dirname, '../import/make_new_notice_docx.py'), dir]);
  notice = new Uint8Array(fs.readFileSync(path.join(dir, 'proposal-notice.docx')));
});

/** A workbook open in WPS, with the clerk's files on disk: one under a Windows path, one under a Linux path. */
function workbook(behaviours = WORST_CASE): FakeEt {
  const et = new FakeEt({ behaviours, sheets: ['我的数据'] });
  et.files.set('C:\\报表\\殷行.xlsx', yinhang);
  et.files.set('/home/科员/报表/五角场.xlsx', wujiaochang);
  et.files.set('/home/科员/通知/合理化建议通知.docx', notice);
  return et;
}

const clientOf = () => new MergeClient(() => new InProcessWorker());
const bytesOf = async (file: File) => new Uint8Array(await file.arrayBuffer());

describe.each([
  ['worst case', WORST_CASE],
  ['kind case', KIND_CASE],
])('files chosen in WPS’s dialog (fake ET, %s)', (_label, behaviours) => {
  it('are the chosen files’ bytes, named by their last part, the returns’ kinds offered', async () => {
    const et = workbook(behaviours);
    et.nextPick = ['C:\\报表\\殷行.xlsx', '/home/科员/报表/五角场.xlsx'];
    const picked = pickFiles(
      et.app,
      { title: '选择', multiple: true, filter: { description: '工作簿', extensions: ['xlsx', 'xls'] } },
      () => 7,
    );
    expect(picked.cancelled).toBe(false);
    expect(picked.files.map((f) => [f.name, f.size])).toEqual([
      ['殷行.xlsx', yinhang.length],
      ['五角场.xlsx', wujiaochang.length],
    ]);
    expect(await bytesOf(picked.files[0] as File)).toEqual(yinhang);
    expect(await bytesOf(picked.files[1] as File)).toEqual(wujiaochang);
    expect(et.dialogFilters).toEqual([{ description: '工作簿', extensions: '*.xlsx;*.xls' }]);
  });

  it('are none when the clerk cancels; a file that cannot be read is told in Chinese, the others kept', () => {
    const et = workbook(behaviours);
    expect(pickFiles(et.app, { title: '选择', multiple: true })).toEqual({ files: [], unreadable: [], cancelled: true });
    et.nextPick = ['D:\\已删除.xlsx', 'C:\\报表\\殷行.xlsx'];
    const picked = pickFiles(et.app, { title: '选择', multiple: true });
    expect(picked.files.map((f) => f.name)).toEqual(['殷行.xlsx']);
    expect(picked.unreadable).toEqual([{ name: '已删除.xlsx', reason: expect.stringMatching(/^无法读取此文件：/) as unknown as string }]);
  });

  it('go through the same worker merge as the pane’s own file chooser gives them, to the same preview', async () => {
    const et = workbook(behaviours);
    const host = wpsMergeHost(et.app, clientOf(), () => TODAY);
    et.nextPick = ['C:\\报表\\殷行.xlsx', '/home/科员/报表/五角场.xlsx'];
    const chosen = await host.chooseReturns();
    expect(et.dialogFilters[0]?.extensions).toMatch(/^\*\.xlsx;.*\*\.csv/);
    const viaDialog = await host.readFiles(chosen.files, ROSTER, () => undefined, new AbortController().signal);
    // the pane's <input type=file> gives File objects of the same bytes
    const inputFiles = chosen.files.map(
      (f, i) => new File([([yinhang, wujiaochang][i] as Uint8Array).slice().buffer], f.name, { lastModified: f.lastModified }),
    );
    const viaInput = await wpsMergeHost(et.app, clientOf(), () => TODAY).readFiles(
      inputFiles,
      ROSTER,
      () => undefined,
      new AbortController().signal,
    );
    expect(viaDialog).toEqual(viaInput);
    expect(viaDialog.inputs.map((i) => [i.file, i.status])).toEqual([
      ['殷行.xlsx', 'merged'],
      ['五角场.xlsx', 'merged'],
    ]);
    expect(viaDialog.missing).toEqual(['长白新村街道工会']);
  });

  it('a notice chosen the same way is the .docx’s bytes, imported as from disk; its 附件 files chosen with it', async () => {
    const et = workbook(behaviours);
    const host = wpsMergeHost(et.app, clientOf(), () => TODAY);
    et.nextPick = ['/home/科员/通知/合理化建议通知.docx', 'C:\\报表\\殷行.xlsx'];
    const chosen = await host.chooseNotice();
    expect(chosen.files.map((f) => f.name)).toEqual(['合理化建议通知.docx', '殷行.xlsx']);
    expect(et.dialogFilters).toEqual([
      { description: '通知和附件（Word、Excel、WPS 表格文件）', extensions: '*.docx;*.doc;*.xlsx;*.xls;*.et' },
    ]);
    const viaDialog = importNoticeForms(readDocx(await bytesOf(chosen.files[0] as File)));
    expect(viaDialog).toEqual(importNoticeForms(readDocx(notice)));
    expect(viaDialog.drafts.length).toBeGreaterThan(0);
  });
});

describe('the WPS merge host end to end (fake ET)', () => {
  it('chooses, merges, writes the summaries and 合并报告, lists them as earlier summaries and shows one', async () => {
    const et = workbook(KIND_CASE);
    const host = wpsMergeHost(et.app, clientOf(), () => TODAY);
    await host.saveRoster(ROSTER);
    expect(await host.loadRoster()).toEqual(ROSTER);
    et.nextPick = ['C:\\报表\\殷行.xlsx', '/home/科员/报表/五角场.xlsx'];
    const preview = await host.readFiles(
      (await host.chooseReturns()).files,
      await host.loadRoster(),
      () => undefined,
      new AbortController().signal,
    );
    const progress: number[] = [];
    const written = await host.write(preview, false, (done) => progress.push(done));
    const names = [...preview.summaries, preview.report].map((t) => t.sheetName);
    expect(written.map((s) => s.name)).toEqual(names);
    expect(et.workbook.sheets.filter((s) => s.visible === -1).map((s) => s.name)).toEqual(['我的数据', ...names]);
    expect(await host.previousSummaries()).toEqual(names);
    await host.showSheet(written[written.length - 1]?.id as string);
    expect(et.workbook.activeSheet?.name).toBe('合并报告');
    await host.selectCell('我的数据', 'C4');
    expect(et.workbook.activeSheet?.activeCell).toEqual({ row: 3, col: 2 });
    await expect(host.selectCell('不存在的表', 'A1')).rejects.toThrow(/^无法选中工作表“不存在的表”的 A1：找不到这张工作表/);
    expect(progress[progress.length - 1]).toBeGreaterThan(0);
    expect(baseName('C:\\a\\b.xlsx')).toBe('b.xlsx');
  });
});
