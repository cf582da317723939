import { fileRole, isReturnFileName, isSearchedFolderName, packageFolderRole } from '../../src/core/merge/return-files';

describe('which files found among the returns are read, left out, or given a verdict (one rule for CLI and pane)', () => {
  it('lock files of Excel, WPS and LibreOffice, and hidden or system files, are left out', () => {
    for (const name of [
      '~$殷行.xlsx',
      '~$说明.docx',
      '.~lock.殷行.xlsx#',
      '.~殷行.xlsx',
      '._殷行.xlsx',
      '.DS_Store',
      'Thumbs.db',
      'desktop.ini',
    ])
      expect([name, fileRole(name).role]).toEqual([name, 'ignored']);
  });

  it('workbooks of every format the reader takes are returns, whatever the case of their extension', () => {
    for (const name of [
      '殷行.xlsx',
      'A.XLS',
      'b.xlsm',
      'c.et',
      'd.csv',
      '五角场 (2).Xlsx',
      '申请表.ods',
      '汇总.xlsb',
      '模板.xltx',
      '模板.xltm',
      '旧模板.xlt',
      'WPS模板.ett',
      '苹果.numbers',
      '模板.ots',
    ])
      expect([name, fileRole(name).role, isReturnFileName(name)]).toEqual([name, 'return', true]);
  });

  it('other documents get a Chinese verdict saying what they are and that they were not merged', () => {
    const message = (name: string) => {
      const role = fileRole(name);
      return role.role === 'other' ? role.message : role.role;
    };
    expect(message('通知.docx')).toBe('不是 Excel 工作簿（Word 文档），未合并。');
    expect(message('通知.DOC')).toBe('不是 Excel 工作簿（Word 文档），未合并。');
    expect(message('说明.txt')).toBe('不是 Excel 工作簿（文本文件），未合并。');
    expect(message('盖章件.pdf')).toBe('不是 Excel 工作簿（PDF 文件），未合并。');
    expect(message('照片.JPG')).toBe('不是 Excel 工作簿（图片），未合并。');
    expect(message('汇报.pptx')).toBe('不是 Excel 工作簿（PowerPoint 演示文稿），未合并。');
    expect(message('报表.abc')).toBe('不是 Excel 工作簿（.abc 文件），未合并。');
    expect(message('xlsx')).toBe('不是 Excel 工作簿（没有扩展名的文件），未合并。');
    expect(message('各街道报表.zip')).toMatch(/^是压缩包（\.zip），未合并：请先解压/);
    expect(message('申请表.fods')).toMatch(/单文件 OpenDocument 表格 \.fods.*另存为 \.xlsx/);
    expect(message('旧表.wk1')).toMatch(/Lotus 1-2-3 表格 \.wk1.*另存为 \.xlsx/);
    for (const name of ['通知.docx', '说明.txt', '报表.zip', 'xlsx']) expect(isReturnFileName(name)).toBe(false);
  });

  it('validate is told the same of them, with 未检查 for 未合并', () => {
    const role = fileRole('通知.docx', '检查');
    expect(role.role === 'other' && role.message).toBe('不是 Excel 工作簿（Word 文档），未检查。');
    expect(fileRole('申请表.ods', '检查').role).toBe('return');
  });

  it('a Numbers document saved as a folder is one document, told how to export it, not a folder to search', () => {
    const role = packageFolderRole('申报表.numbers');
    expect(role?.role === 'other' && role.message).toMatch(/Numbers 文稿.*导出为 → Excel/);
    expect(packageFolderRole('杨浦区')).toBeUndefined();
  });

  it('hidden and system folders are not searched; others are', () => {
    expect(['__MACOSX', '.git', '$RECYCLE.BIN', 'System Volume Information'].filter(isSearchedFolderName)).toEqual([]);
    expect(['杨浦区', '2026 第二批', 'returns'].every(isSearchedFolderName)).toBe(true);
  });
});
