import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { requireTool } from '../support/libreoffice';

/**
 * The notice of make_notice_set.py as a union office sends it (issue 21 §2): python-docx and openpyxl write the
 * files; LibreOffice makes the Word 97-2003 .doc of the one-file notice and an Excel 97 .xls of the attachment.
 * Nothing here is written by the program's own writers. What each file says is written by hand below, for the tests.
 */
export const SET_NOTICE = {
  docNo: '沪工总宣〔2022〕58号',
  /** The title over two lines in the notice, joined. */
  title: '关于开展2022年度职工书屋建设申报工作的通知',
  issuer: '上海市总工会',
  /** Form ids by the rule for a 文号 〔YYYY〕N: notice-YYYY-N-<附件 number>. */
  ids: ['notice-2022-58-1', 'notice-2022-58-2'],
  /** 附件1's deadline is written with its year in the body ("于2022年12月9日前"), 附件2's in the body and its 注. */
  deadlines: ['12-09', '12-16'],
  /** Labels printed on 附件1 (Word) and the list's header of 附件2 (Excel). */
  applicationLabels: ['书屋名称', '书屋面积（平方米）', '现有藏书（册）', '每周开放时间（小时）', '联系人', '联系电话', '书屋简介'],
  statisticsHeader: ['序号', '书屋名称', '藏书（册）', '年度借阅人次', '备注'],
};

export const SET_FILES = {
  notice: '通知.docx',
  application: '附件1 职工书屋申报表.docx',
  statistics: '附件2 藏书情况统计表.xlsx',
  pdf: '盖章件.pdf',
  lock: '~$通知.docx',
};

/** Runs soffice once, with a throw-away profile (never the clerk's, never another test's). */
function soffice(args: string[]): void {
  requireTool('soffice');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'uf-lo-profile-'));
  try {
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', ...args], {
      stdio: 'pipe',
      timeout: 180_000,
    });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * Writes <root>/set (the notice in several files), <root>/single/书屋通知.docx (the notice in one file) and, when
 * asked, <root>/single/书屋通知.doc and <root>/xls/附件2 藏书情况统计表.xls made by LibreOffice. The .doc goes
 * through OpenDocument: LibreOffice 7.4 writes python-docx's tables into a .doc as plain paragraphs when converting
 * the .docx straight to .doc (checked: the table is gone when the .doc is read back), which Word never does.
 */
export function writeNoticeSet(root: string, withLibreOffice: boolean): void {
  execFileSync('/usr/bin/python3', [path.join(__dirname, 'make_notice_set.py'), root]);
  if (!withLibreOffice) return;
  const single = path.join(root, 'single');
  const odt = path.join(root, 'odt');
  soffice(['--convert-to', 'odt', '--outdir', odt, path.join(single, '书屋通知.docx')]);
  soffice(['--convert-to', 'doc:MS Word 97', '--outdir', single, path.join(odt, '书屋通知.odt')]);
  soffice(['--convert-to', 'xls', '--outdir', path.join(root, 'xls'), path.join(root, 'set', SET_FILES.statistics)]);
}
