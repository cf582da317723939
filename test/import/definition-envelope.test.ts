import { createHash } from 'crypto';
import * as XLSX from '@e965/xlsx';
import { strFromU8, unzipSync } from 'fflate';
import { canonicalJson, MAX_ENVELOPE_CHARS, sealDefinition } from '../../src/core/definition-envelope';
import { openEnvelope } from '../../src/core/open-envelope';
import type { FormDefinition } from '../../src/core/form-schema';
import { catalogueWithImported } from '../../src/core/imported-catalogue';
import { sha256Hex, utf8Bytes } from '../../src/core/sha256';
import { planSheet } from '../../src/core/layout';
import {
  DEFINITION_SHEET,
  embedDefinitions,
  envelopePieces,
  formSheetsOnly,
  readEmbeddedDefinitions,
} from '../../src/hosts/xlsx/definition-sheet';
import { readWorkbookFile } from '../../src/hosts/xlsx/read-workbook';
import { writeFormsWorkbook } from '../../src/hosts/xlsx/write-workbook';
import { CATALOGUE } from '../../src/notices';

const NOTICE = { title: '关于开展合理化建议征集活动的通知', docNo: '沪工总经〔2026〕21号' };
/** A built-in form given a new id: a form the catalogue does not know, already valid. */
const imported = (id: string, change: Partial<FormDefinition> = {}): FormDefinition => ({
  ...CATALOGUE.getForm('yangpu-theme-activity'),
  id,
  ...change,
});

describe('sha256Hex', () => {
  it.each([0, 1, 55, 56, 63, 64, 65, 1000])('agrees with Node’s own SHA-256 on %i bytes', (n) => {
    const data = new Uint8Array(n).map((_, i) => (i * 31 + 7) & 0xff);
    expect(sha256Hex(data)).toBe(createHash('sha256').update(data).digest('hex'));
  });
});

describe('utf8Bytes', () => {
  it('encodes as Node does, Chinese and characters beyond the BMP included; a lone surrogate as U+FFFD', () => {
    for (const text of ['', 'ascii', '合理化建议（万元）', '𠀀a\u00e9', 'x\ud800y'])
      expect(Buffer.from(utf8Bytes(text)).toString('hex')).toBe(Buffer.from(text, 'utf8').toString('hex'));
  });
});

describe('the definition envelope', () => {
  it('writes the same canonical JSON whatever the order of keys', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 'x', c: null }], e: undefined })).toBe('{"a":[{"c":null,"d":"x"}],"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it('opens what it sealed, and refuses text that is not an envelope, too large, of another version or changed', () => {
    const form = imported('notice-2026-21-1');
    const sealed = sealDefinition(form, NOTICE);
    const opened = openEnvelope(sealed);
    expect(opened.ok && opened.form).toEqual(form);
    const problem = (text: string) => {
      const o = openEnvelope(text);
      return o.ok ? 'opened' : o.problem;
    };
    expect(problem('{oops')).toMatch(/不是有效的 JSON/);
    expect(problem('{"format":"other"}')).toMatch(/不是本程序写入的表格定义/);
    expect(problem(sealed.replace('"version":1', '"version":2'))).toMatch(/格式版本是 2/);
    expect(problem(' '.repeat(MAX_ENVELOPE_CHARS + 1))).toMatch(/表格定义太大/);
    expect(problem(sealed.replace('主题活动', '主题活勤'))).toMatch(/校验值不符/);
    expect(problem(sealed.replace(NOTICE.docNo, '沪工〔2026〕1号'))).toMatch(/校验值不符/);
  });

  it('names each field the schema rejects, and why, in Chinese', () => {
    const bad = { ...imported('notice-2026-21-2'), version: 0, extra: true } as unknown as FormDefinition;
    const o = openEnvelope(sealDefinition(bad, NOTICE));
    expect(o.ok).toBe(false);
    const problem = o.ok ? '' : o.problem;
    expect(problem).toMatch(/^表格定义“notice-2026-21-2”不符合规范，未使用：/);
    expect(problem).toMatch(/“version”太小或太短/);
    expect(problem).toMatch(/“（整个定义）”有不认识的项：extra/);
  });

  it('refuses a choice whose option Excel would take for a formula in its dropdown list', () => {
    const form = imported('notice-2026-21-4');
    const bands = JSON.parse(JSON.stringify(form.bands)) as FormDefinition['bands'];
    const cell = bands.flatMap((b) => (b.kind === 'rows' ? b.rows.flatMap((r) => r.cells) : b.cells)).find((c) => c.kind === 'input');
    if (!cell || cell.kind !== 'input') throw new Error('the form has an input');
    cell.field = { ...cell.field, type: 'choice', options: ['=Sheet2!A1:A9', '否'], source: 'notice' } as typeof cell.field;
    const o = openEnvelope(sealDefinition({ ...form, bands }, NOTICE));
    expect(o.ok).toBe(false);
    expect(o.ok ? '' : o.problem).toMatch(/options\.0”格式不对（options may not start with = \+ - @ or a line break）/);
    // an option that merely contains = elsewhere is text and passes
    cell.field = { ...cell.field, options: ['是=有', '否'] } as typeof cell.field;
    expect(openEnvelope(sealDefinition({ ...form, bands }, NOTICE)).ok).toBe(true);
  });
});

describe('a workbook that carries its definitions', () => {
  const form = imported('notice-2026-21-3', { name: '含_x0041_与𠀀的表' });

  it('keeps them in a very hidden sheet of text cells, read back whole; its form sheets are unchanged', async () => {
    const plain = await writeFormsWorkbook([planSheet(form)]);
    const xlsx = embedDefinitions(plain, [{ form, notice: NOTICE }]);
    const book = XLSX.read(xlsx, { type: 'array' });
    expect(book.SheetNames).toEqual([...XLSX.read(plain, { type: 'array' }).SheetNames, DEFINITION_SHEET]);
    expect(book.Workbook?.Sheets?.[1]?.Hidden).toBe(2);
    const sheetXml = strFromU8(unzipSync(xlsx)['xl/worksheets/sheet2.xml'] as Uint8Array);
    expect(sheetXml).not.toMatch(/<f>|t="str"/);
    const [opened] = readEmbeddedDefinitions(xlsx);
    expect(opened?.ok && opened.form).toEqual(form);
    expect(opened?.ok && opened.form.name).toBe('含_x0041_与𠀀的表');
    expect(formSheetsOnly(readWorkbookFile(xlsx)).map((s) => s.name)).toEqual(readWorkbookFile(plain).map((s) => s.name));
  });

  it('cuts long envelopes into pieces that no writer takes for a formula or an escape, nor split in a pair', () => {
    const json = `{"a":"${'x'.repeat(29_999)}=+-@${'𠀀'.repeat(20_000)}_x0041_"}`;
    const pieces = envelopePieces(json);
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.join('')).toBe(json.replace(/_/g, '\\u005f'));
    expect(JSON.parse(pieces.join(''))).toEqual(JSON.parse(json));
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(30_000);
      expect(piece).not.toMatch(/^[=+\-@]|^[\udc00-\udfff]|[\ud800-\udbff]$/);
    }
  });

  it('reads nothing from a workbook without the sheet, or from a file that is not a zip', async () => {
    expect(readEmbeddedDefinitions(await writeFormsWorkbook([planSheet(form)]))).toEqual([]);
    expect(readEmbeddedDefinitions(new TextEncoder().encode('a,b\n1,2'))).toEqual([]);
  });
});

describe('the catalogue with imported forms', () => {
  const found = (file: string, form: FormDefinition) => ({ file, notice: NOTICE, form });

  it('adds a notice for each imported form, which the core then finds with its deadline', () => {
    const form = imported('notice-2026-21-4');
    const { catalogue, added, refused } = catalogueWithImported(CATALOGUE.notices, [found('a.xlsx', form), found('b.xlsx', form)]);
    expect({ added, refused }).toEqual({ added: [`${form.name}（notice-2026-21-4 第 1 版）`], refused: [] });
    expect(catalogue.findForm('notice-2026-21-4')).toEqual(form);
    expect(catalogue.noticeOf('notice-2026-21-4')).toMatchObject({ docNo: NOTICE.docNo, deadlines: { 'notice-2026-21-4': '06-15' } });
    expect(catalogue.forms).toHaveLength(CATALOGUE.forms.length + 1);
  });

  it('refuses a definition that takes a built-in form’s id unless it is that form, and a second different copy', () => {
    const builtIn = CATALOGUE.getForm('festival-project');
    const changed = { ...builtIn, name: '改过的申报表' };
    const other = imported('notice-2026-21-5');
    const { catalogue, refused } = catalogueWithImported(CATALOGUE.notices, [
      found('same.xlsx', builtIn),
      found('clash.xlsx', changed),
      found('a.xlsx', other),
      found('b.xlsx', { ...other, name: '另一张' }),
    ]);
    expect(refused).toEqual([
      expect.stringMatching(/^clash\.xlsx：.*编号 festival-project 与本程序自带的表格相同而内容不同，未使用/),
      expect.stringMatching(/^b\.xlsx：.*与 a\.xlsx 中的同一版本不同，未使用/),
    ]);
    expect(catalogue.getForm('festival-project')).toBe(builtIn);
    expect(catalogue.getForm('notice-2026-21-5').name).toBe(other.name);
  });
});
