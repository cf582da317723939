import * as XLSX from '@e965/xlsx';
import { strToU8, Zip, ZipDeflate } from 'fflate';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readReturnBuffer } from '../../src/hosts/xlsx/merge-buffers';
import { checkOleWorkbook } from '../../src/hosts/xlsx/ole-guard';
import { MAX_FILE_BYTES, readWorkbookFile } from '../../src/hosts/xlsx/read-workbook';
import { MAX_UNZIPPED_BYTES, RATIO_CHECKED_FROM_BYTES } from '../../src/hosts/xlsx/zip-guard';
import { filledFile } from '../support/filled-file';
import { libreOfficeSaveWithPassword } from '../support/libreoffice-password';
import { deflatedZeros, rawZip, workbookXlsx } from '../support/zip-bytes';

const PASSWORD = '文件设有打开密码：请先取消密码后再试。';
const MB = 1024 * 1024;

const CFB = XLSX.CFB as {
  utils: { cfb_new(): unknown; cfb_add(cfb: unknown, name: string, content: Uint8Array): void };
  write(cfb: unknown, options: { type: 'array' }): ArrayLike<number>;
};

function compoundFile(streams: Record<string, Uint8Array>): Uint8Array {
  const cfb = CFB.utils.cfb_new();
  for (const [name, content] of Object.entries(streams)) CFB.utils.cfb_add(cfb, name, content);
  return Uint8Array.from(CFB.write(cfb, { type: 'array' }));
}

/** BIFF8 records: type, length, body. */
function biff(...records: [number, number[]][]): Uint8Array {
  return Uint8Array.from(records.flatMap(([type, body]) => [type & 0xff, type >> 8, body.length & 0xff, body.length >> 8, ...body]));
}
const BOF: [number, number[]] = [0x0809, [0x00, 0x06, 0x05, 0x00, ...new Array<number>(12).fill(0)]];
const EOF: [number, number[]] = [0x000a, []];

function verdict(data: Uint8Array): string {
  try {
    readWorkbookFile(data);
  } catch (err) {
    return (err as Error).message;
  }
  return 'read';
}

/** The verdict, how long it took and how much memory it took on top of what the test had already allocated. */
function measured(data: Uint8Array): { message: string; ms: number; extraMb: number } {
  const before = process.memoryUsage();
  const started = performance.now();
  const message = verdict(data);
  const ms = performance.now() - started;
  const after = process.memoryUsage();
  return { message, ms, extraMb: (after.arrayBuffers - before.arrayBuffers + Math.max(0, after.heapUsed - before.heapUsed)) / MB };
}

let good: Uint8Array;
beforeAll(async () => {
  good = await filledFile('yangpu-theme-activity', { unit: '殷行街道总工会', contact: '张琳' });
});

describe('a file that is not a readable workbook gets one clear Chinese verdict', () => {
  it('empty', () => expect(verdict(new Uint8Array(0))).toBe('文件是空的。'));

  it('not an Excel file (text, a PDF)', () => {
    expect(verdict(strToU8('单位,人数\n殷行,12\n'))).toBe('不是 Excel 文件（.xlsx/.xls），无法读取。');
    expect(verdict(strToU8('%PDF-1.7\n'))).toBe('不是 Excel 文件（.xlsx/.xls），无法读取。');
  });

  it('a Word document renamed .xlsx, and a legacy Word document renamed .xls', () => {
    const docx = rawZip([{ name: 'word/document.xml', data: strToU8('<w:document/>'), method: 0, unpacked: 13 }]);
    expect(verdict(docx)).toBe('这是 Word 文档，不是 Excel 工作簿，无法读取。');
    expect(verdict(compoundFile({ WordDocument: new Uint8Array(600) }))).toBe('这是 Word 文档，不是 Excel 工作簿，无法读取。');
  });

  it('truncated (cut off while downloading)', () => {
    expect(verdict(good.subarray(0, Math.floor(good.length / 2)))).toMatch(/^文件不完整（压缩包的目录缺失），可能没有下载或复制完整/);
  });

  it('damaged inside (bytes of a part overwritten)', () => {
    const broken = Uint8Array.from(good);
    const sheet = Buffer.from(broken).indexOf('xl/worksheets/sheet1.xml');
    broken.fill(0xff, sheet + 40, sheet + 200);
    expect(verdict(broken)).toMatch(/^文件已损坏/);
  });

  it(`too large: over ${MAX_FILE_BYTES / MB} MB, refused before anything is parsed`, () => {
    const big = new Uint8Array(MAX_FILE_BYTES + 1);
    big.set(good);
    expect(MAX_FILE_BYTES).toBe(30 * MB);
    expect(verdict(big)).toBe('文件太大（30.0 MB），超过 30 MB 的上限，未读取。请删去与报表无关的工作表、图片等内容后再试。');
    expect(verdict(big.subarray(0, MAX_FILE_BYTES))).not.toMatch(/太大/);
  });

  it('the verdict reaches the merge as the file’s reason, and the merge goes on', () => {
    expect(readReturnBuffer({ name: '空.xlsx', modified: 1, data: new Uint8Array(0) })).toEqual({
      file: '空.xlsx',
      modified: 1,
      unreadable: '文件是空的。',
    });
    expect(readReturnBuffer({ name: '好.xlsx', modified: 2, data: good })).toHaveProperty('sheets');
  });
});

describe('password-protected files', () => {
  it('an .xlsx with an opening password (EncryptionInfo and EncryptedPackage in an OLE file) is found from the directory', () => {
    const encrypted = compoundFile({ EncryptionInfo: Uint8Array.from([4, 0, 4, 0, 0x40, 0, 0, 0]), EncryptedPackage: new Uint8Array(600) });
    expect(() => checkOleWorkbook(encrypted)).toThrow(PASSWORD);
    expect(verdict(encrypted)).toBe(PASSWORD);
  });

  it('an .xls with a FILEPASS record after its BOF', () => {
    const filePass: [number, number[]] = [0x002f, [0x01, 0x00, 0x01, 0x00, 0x01, 0x00, ...new Array<number>(48).fill(7)]];
    const xls = compoundFile({ Workbook: biff(BOF, filePass, EOF) });
    expect(() => checkOleWorkbook(xls)).toThrow(PASSWORD);
    expect(verdict(xls)).toBe(PASSWORD);
    expect(() => checkOleWorkbook(compoundFile({ Workbook: biff(BOF, EOF) }))).not.toThrow();
  });

  it('a zip whose parts are encrypted', () => {
    expect(verdict(rawZip([{ name: 'xl/workbook.xml', data: new Uint8Array(40), method: 8, unpacked: 100, flags: 1 }]))).toBe(PASSWORD);
  });

  describe('made by LibreOffice', () => {
    jest.setTimeout(120_000);
    let dir: string;
    let source: string;
    beforeAll(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uf-password-'));
      source = path.join(dir, 'return.xlsx');
      fs.writeFileSync(source, good);
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it.each([['xlsx'], ['xls']] as const)('a real .%s saved with an opening password', (to) => {
      const out = fs.mkdtempSync(path.join(dir, `${to}-`));
      const [file] = libreOfficeSaveWithPassword([source], to, out, '工会2026');
      const data = fs.readFileSync(file as string);
      expect([...data.subarray(0, 4)]).toEqual([0xd0, 0xcf, 0x11, 0xe0]);
      expect(verdict(data)).toBe(PASSWORD);
      expect(() => checkOleWorkbook(data)).toThrow(PASSWORD);
    });
  });
});

describe('zip bombs and lying zips are refused from the directory, fast and without large memory', () => {
  it('a 20 KB zip whose parts unpack to more than 1 GB (every directory record on one deflated part)', () => {
    const kernel = deflatedZeros(10 * MB);
    const copies = 110;
    const bomb = rawZip(
      [{ name: 'xl/worksheets/sheet1.xml', data: kernel, method: 8, unpacked: 10 * MB }],
      Array.from({ length: copies }, (_, i) => ({ entry: 0, name: `xl/worksheets/sheet${i + 1}.xml` })),
    );
    expect(bomb.length).toBeLessThan(20 * 1024);
    expect(copies * 10 * MB).toBeGreaterThan(1024 * MB);
    const { message, ms, extraMb } = measured(bomb);
    expect(message).toMatch(/可能是恶意文件，未读取。$/);
    expect(ms).toBeLessThan(1000);
    expect(extraMb).toBeLessThan(20);
  });

  it(`parts that together declare more than ${MAX_UNZIPPED_BYTES / MB} MB`, () => {
    const part = RATIO_CHECKED_FROM_BYTES - 1;
    const data = deflatedZeros(part);
    const count = Math.ceil(MAX_UNZIPPED_BYTES / part) + 1;
    const zip = rawZip(
      Array.from({ length: count }, (_, i) => ({ name: `xl/media/image${i}.png`, data, method: 8 as const, unpacked: part })),
    );
    const { message, ms, extraMb } = measured(zip);
    expect(message).toBe(`文件解压后有 ${Math.ceil((count * part) / MB)} MB，超过 200 MB 的上限，可能是恶意文件，未读取。`);
    expect(ms).toBeLessThan(1000);
    expect(extraMb).toBeLessThan(20);
  });

  it('one part with an absurd compression ratio', () => {
    const zip = rawZip([{ name: 'xl/worksheets/sheet1.xml', data: deflatedZeros(8 * MB), method: 8, unpacked: 8 * MB }]);
    expect(verdict(zip)).toMatch(/^文件中的部件压缩比异常（\d+ 倍），可能是恶意文件，未读取。$/);
  });

  it('a part that declares 100 bytes but unpacks to 20 MB stops at the 101st byte', () => {
    const zip = rawZip([{ name: 'xl/worksheets/sheet1.xml', data: deflatedZeros(20 * MB), method: 8, unpacked: 100 }]);
    const { message, ms, extraMb } = measured(zip);
    expect(message).toBe('文件中的部件解压后比它声明的大小更大，可能是恶意文件，未读取。');
    // The memory bound proves it stopped early (20 MB were never written); the time bound only catches a runaway
    // decode, with room for a loaded CI machine (205 ms measured once against the former 200).
    expect(ms).toBeLessThan(1000);
    expect(extraMb).toBeLessThan(5);
  });

  it('two directory records sharing one part', () => {
    const part = { name: 'xl/workbook.xml', data: strToU8('<workbook/>'), method: 0 as const, unpacked: 11 };
    const zip = rawZip(
      [part],
      [
        { entry: 0, name: 'xl/workbook.xml' },
        { entry: 0, name: 'xl/styles.xml' },
      ],
    );
    expect(verdict(zip)).toBe('文件结构异常（压缩包中的部件相互重叠），可能是恶意文件，未读取。');
  });

  it('a zip written with data descriptors (sizes after the data, as LibreOffice and Java write them) reads as before', () => {
    const parts = XLSX.CFB.read(good, { type: 'array' }) as { FullPaths: string[]; FileIndex: { type: number; content: Uint8Array }[] };
    const chunks: Uint8Array[] = [];
    const zip = new Zip((err, chunk) => {
      if (err) throw err;
      chunks.push(chunk);
    });
    parts.FileIndex.forEach((f, i) => {
      if (f.type !== 2) return;
      const entry = new ZipDeflate((parts.FullPaths[i] as string).replace(/^Root Entry\//, ''), { level: 6 });
      zip.add(entry);
      entry.push(Uint8Array.from(f.content), true);
    });
    zip.end();
    const streamed = Buffer.concat(chunks);
    expect(streamed.readUInt16LE(6) & 8).toBe(8);
    expect(readWorkbookFile(streamed)).toEqual(readWorkbookFile(good));
  });
});

describe('the grid comes from the cells a sheet holds, not from its stated dimension', () => {
  it('a dimension of A1:XFD1048576 with three cells gives three short rows, at once', () => {
    const file = workbookXlsx('<row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c></row><row r="3"><c r="C3"><v>7</v></c></row>', {
      dimension: 'A1:XFD1048576',
    });
    const started = performance.now();
    const [sheet] = readWorkbookFile(file);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(sheet?.grid).toEqual([['标题'], [], [null, null, 7]]);
  });

  it('keeps cells outside a dimension that claims too little', () => {
    const [sheet] = readWorkbookFile(
      workbookXlsx('<row r="1"><c r="A1"><v>1</v></c></row><row r="10"><c r="D10"><v>2</v></c></row>', { dimension: 'A1:A1' }),
    );
    expect(sheet?.grid[9]?.[3]).toBe(2);
    expect(sheet?.grid).toHaveLength(10);
  });

  it('a value in the very last cell (XFD1048576) leaves a million empty rows, not a million full ones', () => {
    const [sheet] = readWorkbookFile(
      workbookXlsx(
        '<row r="1"><c r="IV1"><v>1</v></c><c r="IW1"><v>2</v></c></row><row r="1048576"><c r="A1048576"><v>3</v></c><c r="XFD1048576"><v>4</v></c></row>',
      ),
    );
    expect(sheet?.grid).toHaveLength(1048576);
    expect(sheet?.grid[0]).toHaveLength(256);
    expect(sheet?.grid[0]?.[255]).toBe(1);
    expect(sheet?.grid[1048575]).toEqual([3]);
    expect(sheet?.grid.slice(1, -1).every((row) => row.length === 0)).toBe(true);
  });

  it('100,000 rows are all read', () => {
    const rows = Array.from(
      { length: 100_000 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c><c r="B${i + 1}" t="inlineStr"><is><t>单位${i}</t></is></c></row>`,
    );
    const [sheet] = readWorkbookFile(workbookXlsx(rows.join(''), { level: 1 }));
    expect(sheet?.grid).toHaveLength(100_000);
    expect(sheet?.grid[99_999]).toEqual([99_999, '单位99999']);
  });

  it('formula cells give their cached values and error cells their Excel text', () => {
    const [sheet] = readWorkbookFile(
      workbookXlsx(
        '<row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1" t="e"><v>#N/A</v></c><c r="C1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D1" t="b"><v>1</v></c></row>',
      ),
    );
    expect(sheet?.grid).toEqual([[2, '#N/A', '#DIV/0!', true]]);
  });

  it('dates of a 1904-system workbook (old Mac Excel) come out as the same days as in any other', () => {
    // serial 41778 is 2018-05-20 counted from 1904, and 2014-05-19 counted from 1900; B1 has no date format
    const cells = '<row r="1"><c r="A1" s="1"><v>41778</v></c><c r="B1"><v>41778</v></c></row>';
    expect(readWorkbookFile(workbookXlsx(cells, { date1904: true }))[0]?.grid).toEqual([[new Date(Date.UTC(2018, 4, 20)), 41778]]);
    expect(readWorkbookFile(workbookXlsx(cells))[0]?.grid).toEqual([[new Date(Date.UTC(2014, 4, 19)), 41778]]);
  });
});
