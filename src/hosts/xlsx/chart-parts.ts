import { sheetReference, type ChartPlan } from '../../core/merge/chart-spec';

/**
 * A summary sheet's charts as DrawingML parts of the package (ECMA-376 Part 1, §21.2 charts and §20.5 spreadsheet
 * drawing): one chart part per chart (c:chartSpace), one drawing part per sheet anchoring them to cells, and the
 * relationships and content types that tie them to the sheet. Every series points at the sheet's own cells by
 * formula and carries a cache of the values, so a viewer that does not recalculate still draws it. Formulas are
 * built only from our sheet names and computed ranges; text from the data is only ever character data.
 */

const CHART_NS = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const DRAWING_NS = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const SHEET_DRAWING_NS = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
export const DRAWING_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.drawing+xml';
export const CHART_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
export const DRAWING_RELATIONSHIP = `${RELS}/drawing`;
const CHART_RELATIONSHIP = `${RELS}/chart`;
/** Fills of the series in order, then the target's line: dark enough to print in grey. */
export const SERIES_COLORS = ['2F5597', 'C55A11', '548235', '7030A0', 'BF9000'];
export const TARGET_COLOR = 'C00000';
const FONT = '宋体';
const CATEGORY_AXIS = 500001;
const VALUE_AXIS = 500002;

/** Text as XML character data: markup escaped, and what XML cannot hold as _xHHHH_ (as SpreadsheetML strings). */
function xmlText(text: string): string {
  return text
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    .replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'))
    .replace(/[^\t\n\u0020-\ufffd]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

const run = (text: string, size: number, bold: boolean) =>
  `<a:r><a:rPr lang="zh-CN" sz="${size}" b="${bold ? 1 : 0}"><a:latin typeface="${FONT}"/><a:ea typeface="${FONT}"/></a:rPr><a:t>${xmlText(text)}</a:t></a:r>`;

const fill = (rgb: string) => `<a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill>`;

function strCache(texts: readonly string[]): string {
  const points = texts.map((t, i) => `<c:pt idx="${i}"><c:v>${xmlText(t)}</c:v></c:pt>`).join('');
  return `<c:strCache><c:ptCount val="${texts.length}"/>${points}</c:strCache>`;
}

function numbers(tag: 'numCache' | 'numLit', values: readonly (number | null)[]): string {
  // a point with no number is left out, which viewers draw as a gap
  const points = values.map((v, i) => (v === null ? '' : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`)).join('');
  return `<c:${tag}><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:${tag}>`;
}

/** The chart part (c:chartSpace) of one chart on the sheet named `sheetName`. */
export function chartXml(plan: ChartPlan, sheetName: string): string {
  const categories = `<c:cat><c:strRef><c:f>${xmlText(sheetReference(sheetName, plan.categories))}</c:f>${strCache(plan.categoryTexts)}</c:strRef></c:cat>`;
  const bars = plan.series.map((s, i) => {
    const name = `<c:tx><c:strRef><c:f>${xmlText(sheetReference(sheetName, s.nameCell))}</c:f>${strCache([s.name])}</c:strRef></c:tx>`;
    const color = SERIES_COLORS[i % SERIES_COLORS.length] as string;
    const values = `<c:val><c:numRef><c:f>${xmlText(sheetReference(sheetName, s.values))}</c:f>${numbers('numCache', s.numbers)}</c:numRef></c:val>`;
    return `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>${name}<c:spPr>${fill(color)}</c:spPr><c:invertIfNegative val="0"/>${categories}${values}</c:ser>`;
  });
  const { target } = plan;
  const n = plan.series.length;
  const constant = target
    ? numbers(
        'numLit',
        plan.categoryTexts.map(() => target.value),
      )
    : '';
  const targetName = target ? `<c:tx><c:v>${xmlText(target.label)}</c:v></c:tx>` : '';
  // Beside columns the target is a line across them; beside horizontal bars (which a line chart cannot share axes
  // with) it is one more bar of the constant, in the target's colour, next to each category's bars.
  if (target && plan.kind === 'bar')
    bars.push(
      `<c:ser><c:idx val="${n}"/><c:order val="${n}"/>${targetName}<c:spPr>${fill(TARGET_COLOR)}</c:spPr><c:invertIfNegative val="0"/>${categories}<c:val>${constant}</c:val></c:ser>`,
    );
  const axes = `<c:axId val="${CATEGORY_AXIS}"/><c:axId val="${VALUE_AXIS}"/>`;
  const barChart =
    `<c:barChart><c:barDir val="${plan.kind === 'bar' ? 'bar' : 'col'}"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
    `${bars.join('')}<c:gapWidth val="80"/>${axes}</c:barChart>`;
  const lineChart =
    target && plan.kind === 'column'
      ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/><c:ser><c:idx val="${n}"/><c:order val="${n}"/>${targetName}` +
        `<c:spPr><a:ln w="28575">${fill(TARGET_COLOR)}<a:prstDash val="dash"/></a:ln></c:spPr><c:marker><c:symbol val="none"/></c:marker>` +
        `${categories}<c:val>${constant}</c:val><c:smooth val="0"/></c:ser><c:marker val="1"/>${axes}</c:lineChart>`
      : '';
  const horizontal = plan.kind === 'bar';
  const tick = '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>';
  const categoryAxis =
    `<c:catAx><c:axId val="${CATEGORY_AXIS}"/><c:scaling><c:orientation val="${plan.reverseCategories ? 'maxMin' : 'minMax'}"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${horizontal ? 'l' : 'b'}"/><c:numFmt formatCode="General" sourceLinked="1"/>${tick}<c:crossAx val="${VALUE_AXIS}"/>` +
    '<c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>';
  const valueAxis =
    `<c:valAx><c:axId val="${VALUE_AXIS}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${horizontal ? 'b' : 'l'}"/><c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="1"/>${tick}` +
    // Reversed categories (the category axis's c:orientation "maxMin", ECMA-376 Part 1 DrawingML charts) would carry
    // the value axis to the top; it crosses them at their maximum instead (c:crosses "max"), which is at the bottom.
    `<c:crossAx val="${CATEGORY_AXIS}"/><c:crosses val="${plan.reverseCategories ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/></c:valAx>`;
  const title = `<c:title><c:tx><c:rich><a:bodyPr/><a:p>${run(plan.title, 1400, true)}</a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  const legend = plan.legend ? '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>' : '';
  const text = `<c:txPr><a:bodyPr/><a:p><a:pPr><a:defRPr sz="1000"><a:latin typeface="${FONT}"/><a:ea typeface="${FONT}"/></a:defRPr></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>`;
  return (
    `${HEAD}<c:chartSpace xmlns:c="${CHART_NS}" xmlns:a="${DRAWING_NS}" xmlns:r="${RELS}"><c:lang val="zh-CN"/><c:roundedCorners val="0"/>` +
    `<c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${barChart}${lineChart}${categoryAxis}${valueAxis}</c:plotArea>` +
    `${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>${text}</c:chartSpace>`
  );
}

/** The drawing part of one sheet: each chart in a frame anchored to its cells, r:id rId1… in order. */
export function drawingXml(plans: readonly ChartPlan[]): string {
  const marker = (tag: 'from' | 'to', col: number, row: number) =>
    `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  const anchors = plans.map((plan, i) => {
    const { top, left, bottom, right } = plan.anchor;
    return (
      `<xdr:twoCellAnchor editAs="oneCell">${marker('from', left, top)}${marker('to', right + 1, bottom + 1)}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="Chart ${i + 1}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
      `<a:graphic><a:graphicData uri="${CHART_NS}"><c:chart xmlns:c="${CHART_NS}" xmlns:r="${RELS}" r:id="rId${i + 1}"/></a:graphicData></a:graphic>` +
      '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>'
    );
  });
  return `${HEAD}<xdr:wsDr xmlns:xdr="${SHEET_DRAWING_NS}" xmlns:a="${DRAWING_NS}">${anchors.join('')}</xdr:wsDr>`;
}

const relationships = (targets: readonly string[], type: string) =>
  `${HEAD}<Relationships xmlns="${PACKAGE_RELS}">${targets.map((t, i) => `<Relationship Id="rId${i + 1}" Type="${type}" Target="${t}"/>`).join('')}</Relationships>`;

export interface SheetCharts {
  /** The sheet's name in the workbook (as its formulas must spell it). */
  name: string;
  charts: readonly ChartPlan[];
}

export interface ChartPackage {
  /** Parts to add to the zip: charts, drawings and their relationships. */
  parts: [string, string][];
  /** [Content_Types].xml overrides for them. */
  overrides: { part: string; type: string }[];
  /** Per sheet (by index): the drawing part its relationship points at, from xl/worksheets/, or undefined. */
  drawings: (string | undefined)[];
}

/**
 * The chart and drawing parts of a workbook's sheets: xl/charts/chartN.xml (numbered across the workbook),
 * xl/drawings/drawingN.xml and its relationships (numbered over the sheets that have charts).
 */
export function chartPackage(sheets: readonly SheetCharts[]): ChartPackage {
  const parts: [string, string][] = [];
  const overrides: ChartPackage['overrides'] = [];
  let chartNumber = 0;
  let drawingNumber = 0;
  const drawings = sheets.map((sheet) => {
    if (sheet.charts.length === 0) return undefined;
    const d = ++drawingNumber;
    const targets = sheet.charts.map((plan) => {
      const c = ++chartNumber;
      parts.push([`xl/charts/chart${c}.xml`, chartXml(plan, sheet.name)]);
      overrides.push({ part: `/xl/charts/chart${c}.xml`, type: CHART_CONTENT_TYPE });
      return `../charts/chart${c}.xml`;
    });
    parts.push([`xl/drawings/drawing${d}.xml`, drawingXml(sheet.charts)]);
    parts.push([`xl/drawings/_rels/drawing${d}.xml.rels`, relationships(targets, CHART_RELATIONSHIP)]);
    overrides.push({ part: `/xl/drawings/drawing${d}.xml`, type: DRAWING_CONTENT_TYPE });
    return `../drawings/drawing${d}.xml`;
  });
  return { parts, overrides, drawings };
}

/** The relationships part of a sheet that has a drawing: its one relationship, rId1. */
export function sheetDrawingRels(target: string): string {
  return relationships([target], DRAWING_RELATIONSHIP);
}
