import { strFromU8, unzipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import { UserError } from '../../core/errors';
import type { DocBlock, DocCell, DocTable } from '../../core/import/docx-model';
import { checkedZip } from '../xlsx/zip-guard';
import { symbolChar } from './symbol-chars';

/** A node of fast-xml-parser's ordered output: one tag name → its children, attributes under ':@'. */
type XmlNode = Record<string, unknown>;

const BODY_PART = 'word/document.xml';
/** What the reader could not map (a symbol of an unknown font), for the import to report. */
export interface ReadDocxResult {
  blocks: DocBlock[];
  unknownSymbols: string[];
}

function tagOf(node: XmlNode): string | undefined {
  return Object.keys(node).find((k) => k !== ':@');
}

function childrenOf(node: XmlNode): XmlNode[] {
  const tag = tagOf(node);
  const value = tag ? node[tag] : undefined;
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

function attr(node: XmlNode, name: string): string | undefined {
  const attrs = node[':@'] as Record<string, unknown> | undefined;
  const v = attrs?.[name];
  return v === undefined ? undefined : String(v);
}

function find(node: XmlNode, tag: string): XmlNode | undefined {
  return childrenOf(node).find((c) => tagOf(c) === tag);
}

/** Whether a w:sectPr turns its pages landscape: w:orient="landscape", or a page wider than high (some writers only swap the sizes). */
function landscapeSection(sectPr: XmlNode): boolean {
  const size = find(sectPr, 'w:pgSz');
  if (!size) return false;
  if (attr(size, 'w:orient') === 'landscape') return true;
  const w = Number(attr(size, 'w:w') ?? 0);
  const h = Number(attr(size, 'w:h') ?? 0);
  return w > 0 && h > 0 && w > h;
}

/** An on/off property (w:tblHeader, …): present and not switched off by w:val. */
function isOn(node: XmlNode | undefined): boolean {
  if (!node) return false;
  const v = attr(node, 'w:val');
  return v === undefined || !['0', 'false', 'off'].includes(v.toLowerCase());
}

/** □ or ☑ for a w:fldChar that opens a check box form field (w:ffData/w:checkBox); undefined for any other. */
function legacyCheckBox(fldChar: XmlNode): string | undefined {
  const data = find(fldChar, 'w:ffData');
  const box = data ? find(data, 'w:checkBox') : undefined;
  if (!box) return undefined;
  const checked = find(box, 'w:checked') ?? find(box, 'w:default');
  return checked && attr(checked, 'w:val') !== '0' && attr(checked, 'w:val') !== 'false' ? '☑' : '□';
}

class BodyReader {
  readonly unknownSymbols: string[] = [];
  /** Paragraphs that end a section (their w:pPr holds its w:sectPr), with that section's orientation. */
  readonly sectionEnds = new Map<DocBlock, boolean>();

  /** Block-level content (w:body, w:tc, w:txbxContent, w:sdtContent) as paragraphs and tables in order. */
  blocks(nodes: XmlNode[]): DocBlock[] {
    const out: DocBlock[] = [];
    for (const node of nodes) {
      const tag = tagOf(node);
      if (tag === 'w:p') {
        const boxes: DocBlock[] = [];
        const text = this.paragraphText(childrenOf(node), boxes);
        const paragraph: DocBlock = { kind: 'paragraph', text };
        // Text boxes anchored in a paragraph (附件 N, the title, 注 lines drawn around a table) come before it.
        out.push(...boxes, paragraph);
        const pPr = find(node, 'w:pPr');
        const sectPr = pPr ? find(pPr, 'w:sectPr') : undefined;
        if (sectPr) this.sectionEnds.set(paragraph, landscapeSection(sectPr));
      } else if (tag === 'w:tbl') out.push(this.table(node));
      else if (tag === 'w:sdt') out.push(...this.blocks(childrenOf(find(node, 'w:sdtContent') ?? {})));
      else if (tag === 'w:customXml' || tag === 'w:ins') out.push(...this.blocks(childrenOf(node)));
    }
    return out;
  }

  private paragraphText(nodes: XmlNode[], boxes: DocBlock[]): string {
    let text = '';
    for (const node of nodes) {
      const tag = tagOf(node);
      if (tag === undefined) continue;
      if (tag === '#text') continue;
      if (tag === 'w:t')
        text += childrenOf(node)
          .map((c) => String(c['#text'] ?? ''))
          .join('');
      else if (tag === 'w:tab') text += '\t';
      else if (tag === 'w:br' || tag === 'w:cr') text += '\n';
      else if (tag === 'w:noBreakHyphen') text += '-';
      else if (tag === 'w:sym') {
        const ch = symbolChar(attr(node, 'w:font'), attr(node, 'w:char'));
        if (ch === undefined) this.unknownSymbols.push(`${attr(node, 'w:font') ?? '?'} ${attr(node, 'w:char') ?? '?'}`);
        text += ch ?? '□';
      } else if (tag === 'w:txbxContent') boxes.push(...this.blocks(childrenOf(node)));
      // A check box form field of Word 97-2003 (插入 → 旧式窗体 → 复选框) prints a box and has no text of its own.
      else if (tag === 'w:fldChar') text += legacyCheckBox(node) ?? '';
      // Deleted text, field codes and the fallback copy of a drawing (its text box is read from mc:Choice) are not shown.
      else if (
        tag === 'w:del' ||
        tag === 'w:moveFrom' ||
        tag === 'w:instrText' ||
        tag === 'w:delText' ||
        tag === 'mc:Fallback' ||
        tag === 'w:pPr' ||
        tag === 'w:rPr'
      )
        continue;
      else text += this.paragraphText(childrenOf(node), boxes);
    }
    return text;
  }

  private table(node: XmlNode): DocTable {
    const grid = find(node, 'w:tblGrid');
    const columnWidths = grid
      ? childrenOf(grid)
          .filter((c) => tagOf(c) === 'w:gridCol')
          .map((c) => Number(attr(c, 'w:w') ?? 0) || 0)
      : [];
    const rows: DocCell[][] = [];
    let headerRows = 0;
    for (const tr of childrenOf(node).filter((c) => tagOf(c) === 'w:tr')) {
      // Rows repeated at the top of every page are the first rows only (Word ignores the flag further down).
      const trPr = find(tr, 'w:trPr');
      if (headerRows === rows.length && isOn(trPr ? find(trPr, 'w:tblHeader') : undefined)) headerRows += 1;
      const cells: DocCell[] = [];
      for (const tc of childrenOf(tr).filter((c) => tagOf(c) === 'w:tc')) {
        const props = find(tc, 'w:tcPr');
        const span = props ? find(props, 'w:gridSpan') : undefined;
        const vMerge = props ? find(props, 'w:vMerge') : undefined;
        // The older horizontal merge (w:hMerge, from documents converted from Word 97-2003): a continuing cell widens
        // the one it continues, as w:gridSpan would.
        const hMerge = props ? find(props, 'w:hMerge') : undefined;
        const before = cells[cells.length - 1];
        if (hMerge && attr(hMerge, 'w:val') !== 'restart' && before) {
          before.gridSpan += Math.max(1, Number(span ? attr(span, 'w:val') : 1) || 1);
          continue;
        }
        const paragraphs = this.blocks(childrenOf(tc)).flatMap((b) =>
          b.kind === 'paragraph' ? [b.text] : b.rows.flatMap((r) => r.flatMap((c) => c.paragraphs)),
        );
        const cell: DocCell = { paragraphs, gridSpan: Math.max(1, Number(span ? attr(span, 'w:val') : 1) || 1) };
        // A w:vMerge without w:val continues the merge above (§17.4.85).
        if (vMerge) cell.vMerge = attr(vMerge, 'w:val') === 'restart' ? 'restart' : 'continue';
        cells.push(cell);
      }
      rows.push(cells);
    }
    return { kind: 'table', rows, columnWidths, ...(headerRows > 0 ? { headerRows } : {}) };
  }
}

/**
 * The paragraphs and tables of a .docx, in document order. The zip is checked first by the same guards as a
 * workbook's (sizes, ratio, part count, encryption); a document with a DOCTYPE is refused (Word never writes one).
 */
export function readDocx(data: Uint8Array): ReadDocxResult {
  const { zip } = checkedZip(data);
  const parts = unzipSync(zip, { filter: (f) => f.name === BODY_PART });
  const part = parts[BODY_PART];
  if (!part) throw new UserError('unreadable', '这不是 Word 文档（.docx）：文件中没有 word/document.xml。');
  const xml = strFromU8(part);
  if (/<!DOCTYPE/i.test(xml)) throw new UserError('unreadable', 'Word 文档的结构异常（含 DOCTYPE），可能是恶意文件，未读取。');
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false,
  });
  const tree = parser.parse(xml) as XmlNode[];
  const root = tree.find((n) => tagOf(n) === 'w:document');
  const body = root ? find(root, 'w:body') : undefined;
  if (!body) throw new UserError('unreadable', 'Word 文档中没有正文（w:body）。');
  const reader = new BodyReader();
  const blocks = reader.blocks(childrenOf(body));
  // A section's properties close it: on its last paragraph, and for the last section on the body itself.
  const last = find(body, 'w:sectPr');
  let start = 0;
  const mark = (end: number, landscape: boolean) => {
    if (landscape) for (const b of blocks.slice(start, end)) b.landscape = true;
    start = end;
  };
  blocks.forEach((b, i) => {
    const landscape = reader.sectionEnds.get(b);
    if (landscape !== undefined) mark(i + 1, landscape);
  });
  mark(blocks.length, last ? landscapeSection(last) : false);
  return { blocks, unknownSymbols: reader.unknownSymbols };
}
