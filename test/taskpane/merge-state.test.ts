import {
  initialMergeState,
  isBusy,
  mergeReducer,
  withPicked,
  type MergeAction,
  type MergeState,
} from '../../src/taskpane/merge/merge-state';
import type { MergePreview } from '../../src/taskpane/merge/merge-protocol';
import { pickedFile } from '../support/in-process-worker';

const run = (actions: MergeAction[], from: MergeState = initialMergeState) => actions.reduce(mergeReducer, from);
const preview = { inputs: [], missing: [], summaries: [], report: {} } as unknown as MergePreview;
const a = pickedFile('a.xlsx', Uint8Array.from([1]), 1);
const b = pickedFile('b.xlsx', Uint8Array.from([2, 2]), 2);

describe('the 合并 tab’s reducer', () => {
  it('keeps what the clerk typed over the roster the workbook answers with later', () => {
    expect(run([{ type: 'roster-loaded', units: ['甲', '乙'] }]).rosterText).toBe('甲\n乙');
    expect(
      run([
        { type: 'roster-typed', text: '丙' },
        { type: 'roster-loaded', units: ['甲'] },
      ]).rosterText,
    ).toBe('丙');
  });

  it('a read clears the last banner and links, shows progress, and ends idle with the preview', () => {
    const before = run([
      { type: 'written', sheets: [{ id: '1', name: '合并报告' }], banner: { intent: 'success', text: '已生成' } },
      { type: 'read-started', files: [a], total: 1 },
    ]);
    expect(before).toMatchObject({ files: [a], banner: undefined, written: [], phase: { kind: 'reading', done: 0, total: 1 } });
    expect(isBusy(before)).toBe(true);
    const progress = mergeReducer(before, { type: 'read-progress', done: 1, total: 1, file: 'a.xlsx' });
    expect(progress.phase).toEqual({ kind: 'reading', done: 1, total: 1, file: 'a.xlsx' });
    const done = mergeReducer(progress, { type: 'read-done', preview, fromWorkbook: true });
    expect(done).toMatchObject({ preview, fromWorkbook: true, phase: { kind: 'idle' } });
    expect(isBusy(done)).toBe(false);
  });

  it('a failed read drops the preview and says why', () => {
    const failed = run([
      { type: 'read-done', preview, fromWorkbook: false },
      { type: 'read-started', files: [a], total: 1 },
      { type: 'read-failed', banner: { intent: 'info', text: '已取消' } },
    ]);
    expect(failed).toMatchObject({ preview: undefined, banner: { text: '已取消' }, phase: { kind: 'idle' } });
  });

  it('writing closes the question about earlier summaries, and the written sheets come with their banner', () => {
    const asked = run([
      { type: 'read-done', preview, fromWorkbook: false },
      { type: 'confirm-asked', names: ['合并报告'] },
    ]);
    expect(asked.confirm).toEqual(['合并报告']);
    const writing = mergeReducer(asked, { type: 'write-started', total: 5 });
    expect(writing).toMatchObject({ confirm: undefined, phase: { kind: 'writing', done: 0, total: 5 } });
    const written = run(
      [
        { type: 'write-progress', done: 5, total: 5 },
        { type: 'written', sheets: [{ id: 'x', name: '合并报告' }], banner: { intent: 'success', text: '已生成 1 张工作表。' } },
        { type: 'idle' },
      ],
      writing,
    );
    expect(written).toMatchObject({
      written: [{ id: 'x', name: '合并报告' }],
      banner: { text: '已生成 1 张工作表。' },
      phase: { kind: 'idle' },
    });
  });

  it('making slips is a busy phase; the 催报 box, once shown, goes with the preview', () => {
    expect(isBusy(run([{ type: 'slips-started' }]))).toBe(true);
    const shown = run([{ type: 'read-done', preview, fromWorkbook: false }, { type: 'reminder-shown' }]);
    expect(shown.reminderShown).toBe(true);
    expect(mergeReducer(shown, { type: 'read-done', preview, fromWorkbook: false }).reminderShown).toBe(false);
    expect(mergeReducer(shown, { type: 'cleared' })).toMatchObject({ reminderShown: false, preview: undefined, files: [] });
  });

  it('keeps the clerk’s deadline, and takes a file picked twice once', () => {
    expect(run([{ type: 'deadline-set', deadline: '2026-12-01' }]).deadline).toBe('2026-12-01');
    expect(withPicked([a], [a, b]).map((f) => f.name)).toEqual(['a.xlsx', 'b.xlsx']);
  });
});
