/**
 * The conditional formats of a drawn form, read either from an .xlsx package (with fflate and fast-xml-parser, not
 * with ExcelJS, which writes it) or from the fake Excel host, in one neutral shape: highest priority first, the
 * formula with its leading '=' (as Office.js takes it), the fill as upper-case #RRGGBB.
 */
import { XMLParser } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import type { SheetState } from '../fake-excel/state';

export interface ConditionalFormatView {
  range: string;
  formula: string;
  fill: string;
}

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  textNodeName: '#text',
  isArray: (name, _jpath, _isLeaf, isAttribute) =>
    !isAttribute && ['sheet', 'Relationship', 'conditionalFormatting', 'cfRule', 'formula', 'dxf'].includes(name),
  removeNSPrefix: true,
});

const list = (v: unknown): Node[] => (v === undefined || v === null || v === '' ? [] : ((Array.isArray(v) ? v : [v]) as Node[]));
const text = (n: unknown): string =>
  typeof n === 'string' ? n : n && typeof n === 'object' && '#text' in n ? String((n as Node)['#text']) : '';

/**
 * The first sheet's <conditionalFormatting>/<cfRule type="expression"> (ECMA-376 Part 1 §18.3.1.18, §18.3.1.10),
 * ordered by priority (1 first), with the differential format's fill (<dxf><fill><patternFill><bgColor>: a
 * differential solid fill's colour is its bgColor, §18.8.32).
 */
export function conditionalFormatsFromXlsx(data: Uint8Array): ConditionalFormatView[] {
  const files = unzipSync(data);
  const read = (path: string) => (files[path] ? strFromU8(files[path] as Uint8Array) : '');
  const workbook = (parser.parse(read('xl/workbook.xml')) as Node).workbook as Node;
  const rels = (parser.parse(read('xl/_rels/workbook.xml.rels')) as Node).Relationships as Node;
  const first = list((workbook.sheets as Node).sheet)[0] as Node;
  const target = String(list(rels.Relationship).find((r) => r.Id === first.id)?.Target ?? '');
  const ws = (parser.parse(read(target.startsWith('/') ? target.slice(1) : `xl/${target}`)) as Node).worksheet as Node;
  const styles = (parser.parse(read('xl/styles.xml')) as Node).styleSheet as Node;
  const dxfs = list((styles.dxfs as Node | undefined)?.dxf);
  const rules = list(ws.conditionalFormatting).flatMap((cf) =>
    list(cf.cfRule).map((r) => {
      if (r.type !== 'expression') throw new Error(`unexpected conditional format type ${String(r.type)}`);
      const dxf = dxfs[Number(r.dxfId)] as Node | undefined;
      const bg = ((((dxf?.fill as Node | undefined)?.patternFill as Node | undefined)?.bgColor as Node | undefined)?.rgb ?? '') as string;
      return {
        priority: Number(r.priority),
        view: { range: String(cf.sqref), formula: `=${text(list(r.formula)[0])}`, fill: `#${bg.slice(-6).toUpperCase()}` },
      };
    }),
  );
  return rules.sort((a, b) => a.priority - b.priority).map((r) => r.view);
}

/** The fake host's list is already highest priority first. */
export function conditionalFormatsFromFake(sheet: SheetState): ConditionalFormatView[] {
  return sheet.conditionalFormats.map((f) => ({ range: f.range, formula: f.formula ?? '', fill: (f.fill ?? '').toUpperCase() }));
}
