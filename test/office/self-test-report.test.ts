import { formatSelfTestReport, MAX_ERROR_CHARS, redactText, type SelfTestReport } from '../../src/core/self-test-report';

describe('the self-test report', () => {
  it('keeps the texts it is told to keep out of an error text, on one line', () => {
    expect(redactText('Cannot write to 杨浦区职工名单!\n  (杨浦区职工名单.xlsx)', ['杨浦区职工名单'])).toBe('Cannot write to …! (….xlsx)');
    // The longer of two overlapping names first, so no part of it is left.
    expect(redactText('sheet 预算2026, then 预算', ['预算', '预算2026'])).toBe('sheet …, then …');
  });

  it('replaces a name of one character, or two ASCII ones, only where it is quoted, not every digit of the message', () => {
    expect(redactText("The sheet '1' is protected (error 1004).", ['1'])).toBe("The sheet '…' is protected (error 1004).");
    expect(redactText("Sheet 'Q1' of Q1 data", ['Q1'])).toBe("Sheet '…' of Q1 data");
    expect(redactText('工作表“表”已保护', ['表'])).toBe('工作表“…”已保护');
    expect(redactText('无法写入名单中的单元格', ['名单'])).toBe('无法写入…中的单元格');
  });

  it('cuts a long error text to its limit', () => {
    const cut = redactText('x'.repeat(500), []);
    expect(cut).toHaveLength(MAX_ERROR_CHARS);
    expect(cut.endsWith('…')).toBe(true);
  });

  it('lays the report out with Chinese headings: host, capabilities in two lines, one line per probe, the counts', () => {
    const report: SelfTestReport = {
      host: 'Excel',
      version: '16.0.1',
      platform: 'PC',
      capabilityHeading: 'API 集',
      capabilities: [
        { name: 'ExcelApi 1.7', present: true },
        { name: 'ExcelApi 1.9', present: false },
        { name: 'ExcelApi 1.8', present: true },
      ],
      probes: [
        { id: 'a', label: '甲', outcome: { status: 'ok' } },
        { id: 'b', label: '乙', outcome: { status: 'ok', note: '读回 2' } },
        { id: 'c', label: '丙', outcome: { status: 'failed', error: 'GeneralException: x' } },
        { id: 'd', label: '丁', outcome: { status: 'unsupported', needs: 'ExcelApi 1.9' } },
      ],
      roundTrips: { kind: '同步', count: 4 },
      scratchRemoved: true,
      scratchName: '自检临时表-x',
      ranAt: '2026-12-07T03:00:00Z',
      durationMs: 1250,
    };
    expect(formatSelfTestReport(report).split('\n')).toEqual([
      '【工会表格助手 自检报告】',
      '宿主：Excel 16.0.1',
      '平台：PC',
      '时间：2026-12-07T03:00:00Z（用时 1.3 秒，4 次同步）',
      '【API 集】',
      '有：ExcelApi 1.7、ExcelApi 1.8',
      '缺：ExcelApi 1.9',
      '【检查项】',
      '✓ 甲：正常',
      '✓ 乙：正常（读回 2）',
      '✗ 丙：失败：GeneralException: x',
      '－ 丁：不支持（需要 ExcelApi 1.9）',
      '【结果】',
      '正常 2 项，失败 1 项，不支持 1 项',
      '临时工作表已删除。',
    ]);
  });
});
