import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { importNotice } from '../../src/core/import/import-notice';
import { readDocx } from '../../src/hosts/docx/read-docx';

/**
 * Issue 13 §1: text boxes around the table. make_textbox_notice_docx.py puts 附件1 and the title in a text box above
 * the table and the 注 line in one below, as Word writes them (DrawingML with a VML copy in mc:Fallback).
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'textbox-notice-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a notice with its attachment heading, title and notes in text boxes', () => {
  it('finds the form, its title and its notes, each once (the fallback copy is not read twice)', () => {
    execFileSync('/usr/bin/python3', [path.join(__dirname, 'make_textbox_notice_docx.py'), dir]);
    const { blocks } = readDocx(new Uint8Array(fs.readFileSync(path.join(dir, 'reading-notice.docx'))));
    const texts = blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
    expect(texts.filter((t) => t === '附件1')).toHaveLength(1);
    expect(texts.filter((t) => t === '注：表格不够可另附。')).toHaveLength(1);

    const { forms } = importNotice(blocks);
    expect(forms.map((f) => [f.notice.attachment, f.name])).toEqual([['附件1', '职工读书小组登记表']]);
    const form = forms[0] as (typeof forms)[number];
    const list = form.bands.find((b) => b.kind === 'table');
    // "表格不够可另附" in the text box below makes the list growable
    expect(list && list.kind === 'table' && list.maxRows).toBe(300);
    expect(list && list.kind === 'table' && list.cells.map((c) => c.field.label)).toEqual(['序号', '读书小组名称', '组长姓名', '成员人数']);
    expect(form.params.find((p) => p.id === 'deadline')?.default).toBe('07-15');
    const notes = form.bands
      .flatMap((b) => (b.kind === 'rows' ? b.rows.flatMap((r) => r.cells) : []))
      .filter((c) => c.kind === 'label' && /^注/.test(c.text));
    expect(notes).toHaveLength(1);
  });
});
