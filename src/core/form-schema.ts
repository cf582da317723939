import { z } from 'zod';
import { ruleRefs } from './rules/kinds';
import { RuleSchema } from './rules/kinds/rule-schema';
import { Identifier, Severity } from './schema-atoms';
import { placeholdersIn, TEMPLATE_FORMATS } from './templates';

// No generated code: zod would otherwise probe `new Function`, which the pane's Content-Security-Policy forbids
// (schema-atoms.ts sets it too, before the rule kinds' schemas are built).
z.config({ jitless: true });

export { Severity } from './schema-atoms';
/** Rules across fields, from the notices: one module per kind in rules/kinds/, their union built by its registry. */
export { RuleSchema } from './rules/kinds/rule-schema';
const FormId = z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'form id: kebab-case');

export const HAlign = z.enum(['left', 'center', 'right']);
export const VAlign = z.enum(['top', 'middle', 'bottom']);
export const BorderKind = z.enum(['box', 'none', 'bottom']);
export const StylePreset = z.enum(['title', 'heading', 'label', 'input', 'note', 'plain']);

export const StyleOverride = z
  .object({
    size: z.number().min(6).max(36),
    bold: z.boolean(),
    h: HAlign,
    v: VAlign,
    wrap: z.boolean(),
    vertical: z.boolean(),
    border: BorderKind,
  })
  .partial()
  .strict();

const FieldCommon = {
  id: Identifier,
  label: z.string().min(1),
  required: z.boolean().default(false),
  hint: z.string().optional(),
  /** Left blank, the field is not an error but a reminder (severity info), e.g. 填报日期. Meant for fields not required. */
  remindIfBlank: z.boolean().default(false),
};

export const FieldSchema = z.discriminatedUnion('type', [
  z.object({ ...FieldCommon, type: z.literal('text'), maxLength: z.number().int().positive().optional() }).strict(),
  z
    .object({
      ...FieldCommon,
      type: z.literal('longText'),
      maxLength: z.number().int().positive().optional(),
      aboutLength: z.number().int().positive().optional(),
    })
    .strict(),
  z
    .object({
      ...FieldCommon,
      type: z.literal('integer'),
      min: z.number().int().default(0),
      max: z.number().int().optional(),
      unit: z.string().optional(),
      /** A quantity to add up in 合计 (counts, 人数, 数量); false for 序号, 年龄, 工作年限. */
      total: z.boolean().default(true),
    })
    .strict(),
  z
    .object({
      ...FieldCommon,
      /** A measure that may have decimals: 面积（平方米）, 金额（万元）, 比例（%）, 时长（小时）. */
      type: z.literal('decimal'),
      min: z.number().default(0),
      max: z.number().optional(),
      /** Most digits after the decimal point (万元 to two places); none: as many as typed. */
      places: z.number().int().min(0).max(6).optional(),
      unit: z.string().optional(),
      /** A quantity to add up in 合计 (面积, 金额); false for a rate or a ratio (比例, 人均). */
      total: z.boolean().default(true),
    })
    .strict(),
  z.object({ ...FieldCommon, type: z.literal('yesNo') }).strict(),
  z.object({ ...FieldCommon, type: z.literal('check') }).strict(),
  z
    .object({
      ...FieldCommon,
      type: z.literal('choice'),
      options: z
        .array(
          z
            .string()
            .min(1)
            .regex(/^[^,"]+$/, 'options may not contain , or "')
            // A list's source starting with = is a formula to Excel (DataValidationRule list.source: "a range
            // address/formula"); + - @ start one when typed. An option from an untrusted definition must stay text.
            .regex(/^[^=+\-@\t\r\n]/, 'options may not start with = + - @ or a line break'),
        )
        .min(2),
      source: z.enum(['notice', 'common']).default('notice'),
    })
    .strict(),
  z
    .object({
      ...FieldCommon,
      type: z.literal('date'),
      range: z.boolean().default(false),
      /** The notice asks for a month only (组建时间): "2016年9月" is accepted as YYYY-MM, a full date too. */
      monthAllowed: z.boolean().default(false),
    })
    .strict(),
  z.object({ ...FieldCommon, type: z.literal('phone') }).strict(),
  z.object({ ...FieldCommon, type: z.literal('postcode') }).strict(),
]);

const CellPlacement = {
  col: z.number().int().min(0),
  colSpan: z.number().int().min(1).default(1),
  rowSpan: z.number().int().min(1).default(1),
  preset: StylePreset.optional(),
  style: StyleOverride.optional(),
};

export const LabelCellSchema = z
  .object({
    ...CellPlacement,
    kind: z.literal('label'),
    text: z.string(),
    /** Why this text is not the notice's wording verbatim (reviewed in tests). */
    adapted: z.string().optional(),
    /**
     * A 合计 printed in the form: the template sums these number fields (a field id, or "list.field" for a list's
     * column) and the unit types nothing here. Drawn as a formula built from the plan's own addresses.
     */
    sum: z
      .array(z.string().regex(/^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)?$/, 'sum: field ids'))
      .min(1)
      .optional(),
  })
  .strict();

export const InputCellSchema = z.object({ ...CellPlacement, kind: z.literal('input'), field: FieldSchema }).strict();

export const CellSchema = z.discriminatedUnion('kind', [LabelCellSchema, InputCellSchema]);

export const RowSchema = z.object({ height: z.number().positive().max(409).optional(), cells: z.array(CellSchema) }).strict();

export const RowsBandSchema = z.object({ kind: z.literal('rows'), rows: z.array(RowSchema).min(1) }).strict();

export const TableBandSchema = z
  .object({
    kind: z.literal('table'),
    id: Identifier,
    label: z.string().min(1),
    header: z.array(RowSchema).min(1),
    rowHeight: z.number().positive().max(409).optional(),
    cells: z.array(InputCellSchema).min(1),
    defaultRows: z.number().int().min(1),
    maxRows: z.number().int().min(1),
    /** Field whose value is the row number (序号); prefilled when the notice prints the numbers. */
    numbering: z.object({ fieldId: Identifier, prefill: z.boolean() }).strict().optional(),
  })
  .strict()
  .refine((t) => t.defaultRows <= t.maxRows, { message: 'defaultRows must not exceed maxRows' });

export const BandSchema = z.union([RowsBandSchema, TableBandSchema]);

export const ParamSchema = z.discriminatedUnion('kind', [
  z
    .object({
      id: Identifier,
      label: z.string().min(1),
      kind: z.literal('integer'),
      default: z.number().int(),
      min: z.number().int(),
      max: z.number().int(),
    })
    .strict(),
  z
    .object({
      id: Identifier,
      label: z.string().min(1),
      kind: z.literal('monthDay'),
      default: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'MM-DD'),
    })
    .strict(),
]);

export const FormDefinitionSchema = z
  .object({
    id: FormId,
    version: z.number().int().min(1),
    name: z.string().min(1),
    sheetName: z
      .string()
      .min(1)
      .max(24)
      .regex(/^[^[\]:*?/\\']+$/, "sheet names may not contain [ ] : * ? / \\ '"),
    description: z.string().min(1),
    notice: z
      .object({
        title: z.string().min(1),
        docNo: z.string().min(1),
        attachment: z.string().min(1),
        /** The notice's text among the reference seeds (three digits); none for a form imported from a new notice. */
        seed: z
          .string()
          .regex(/^\d{3}$/)
          .optional(),
      })
      .strict(),
    params: z.array(ParamSchema),
    /** Param (kind monthDay) holding the return deadline, combined with `year`. */
    deadlineParam: Identifier.optional(),
    unitFieldId: Identifier.optional(),
    font: z.object({ name: z.string().min(1), size: z.number().min(6).max(36) }).strict(),
    columns: z.array(z.object({ width: z.number().positive().max(255) }).strict()).min(1),
    bands: z.array(BandSchema).min(1),
    print: z
      .object({
        orientation: z.enum(['portrait', 'landscape']),
        repeatHeaderOf: Identifier.optional(),
      })
      .strict(),
    rules: z.array(RuleSchema).default([]),
    /** What one return contributes to the city's summaries: the sheet as one record, and/or one per list row. */
    merge: z
      .object({
        sheetRecord: z.boolean(),
        table: Identifier.optional(),
        summaryName: z.string().min(1).max(28),
        /** Fields that, with the unit, tell one return from another (a unit may send several applications). */
        sameReturnBy: z.array(Identifier).default([]),
        /**
         * Totals per unit, a derived sheet (参加人数 per unit): how many records each unit sent and the sums of the
         * given number fields over them (of the list rows when the form has a list), with a chart of the first sum.
         */
        unitTotals: z
          .object({
            summaryName: z.string().min(1).max(28),
            /** What one record is called in the count's header (项目, 活动, 服务队). */
            recordWord: z.string().min(1).max(8),
            fields: z.array(Identifier).min(1).max(4),
            chartTitle: z.string().min(1).max(60),
          })
          .strict()
          .optional(),
        /**
         * A statistics form read as the office reads it: its items as rows, with how many units answered 是 and the
         * sum of each count (活动情况统计表: 内容 | 是 | 数量). A derived summary sheet of that name.
         */
        items: z
          .object({
            summaryName: z.string().min(1).max(28),
            items: z
              .array(
                z
                  .object({
                    /** The item's words as the form prints them (may hold parameters, e.g. 第{edition:cn}届). */
                    text: z.string().min(1),
                    /** Its 是/否 field, when it has one. */
                    yes: Identifier.optional(),
                    /** Its count fields, each with the word the form puts over it (数量, 会议数, 工种数…). */
                    counts: z.array(z.object({ field: Identifier, label: z.string().min(1) }).strict()),
                  })
                  .strict(),
              )
              .min(1),
          })
          .strict()
          .optional(),
      })
      .strict(),
  })
  .strict()
  .superRefine((form, ctx) => {
    const issue = (message: string) => ctx.addIssue({ code: 'custom', message, path: [] });
    const paramIds = new Set(form.params.map((p) => p.id));
    if (paramIds.size !== form.params.length) issue('param ids must be unique');
    if (form.deadlineParam) {
      const p = form.params.find((x) => x.id === form.deadlineParam);
      if (!p || p.kind !== 'monthDay') issue(`deadlineParam ${form.deadlineParam} must be a monthDay param`);
      if (!paramIds.has('year')) issue('a form with a deadline needs a year param');
    }
    const checkTemplate = (text: string) => {
      for (const ph of placeholdersIn(text)) {
        if (!paramIds.has(ph.param)) issue(`template "${text}" uses unknown param {${ph.param}}`);
        if (ph.format && !TEMPLATE_FORMATS.includes(ph.format)) issue(`template "${text}" uses unknown format :${ph.format}`);
      }
    };
    checkTemplate(form.name);
    checkTemplate(form.notice.title);

    const fieldIds = new Set<string>();
    const tableIds = new Set<string>();
    const summed: string[] = [];
    const checkOptions = (field: z.output<typeof FieldSchema>) => {
      if (field.required && field.remindIfBlank) issue(`field ${field.id}: remindIfBlank is for fields that are not required`);
      if (field.type === 'date' && field.range && field.monthAllowed)
        issue(`field ${field.id}: monthAllowed is for single dates, not ranges`);
    };
    const addField = (id: string, scope: string) => {
      const key = `${scope}${id}`;
      if (fieldIds.has(key)) issue(`duplicate field id ${key}`);
      fieldIds.add(key);
    };
    for (const band of form.bands) {
      const rows = band.kind === 'rows' ? band.rows : band.header;
      for (const row of rows) {
        for (const cell of row.cells) {
          if (cell.kind === 'label') {
            checkTemplate(cell.text);
            summed.push(...(cell.sum ?? []));
          } else {
            addField(cell.field.id, '');
            checkOptions(cell.field);
          }
          if (cell.col + cell.colSpan > form.columns.length) issue(`cell at column ${cell.col} overruns the grid`);
        }
      }
      if (band.kind === 'table') {
        if (tableIds.has(band.id) || fieldIds.has(band.id)) issue(`duplicate table id ${band.id}`);
        tableIds.add(band.id);
        const inTable = new Set<string>();
        for (const cell of band.cells) {
          if (inTable.has(cell.field.id)) issue(`duplicate field id ${band.id}.${cell.field.id}`);
          inTable.add(cell.field.id);
          checkOptions(cell.field);
          if (cell.rowSpan !== 1) issue(`table ${band.id}: list cells span one row`);
          if (cell.col + cell.colSpan > form.columns.length) issue(`table ${band.id}: cell overruns the grid`);
        }
        if (band.numbering && !inTable.has(band.numbering.fieldId)) issue(`table ${band.id}: numbering field missing`);
      }
    }
    for (const t of tableIds) if (fieldIds.has(t)) issue(`table id ${t} clashes with a field id`);
    if (form.unitFieldId && !fieldIds.has(form.unitFieldId)) issue(`unitFieldId ${form.unitFieldId} is not a field`);
    const tableFields = new Map<string, Set<string>>();
    for (const band of form.bands) if (band.kind === 'table') tableFields.set(band.id, new Set(band.cells.map((c) => c.field.id)));
    const checkRef = (ref: string) => {
      const [first, second] = ref.split('.') as [string, string | undefined];
      const known = second === undefined ? fieldIds.has(first) : (tableFields.get(first)?.has(second) ?? false);
      if (!known) issue(`rule refers to unknown field ${ref}`);
    };
    summed.forEach(checkRef);
    const paramKinds = new Map(form.params.map((p) => [p.id, p.kind]));
    for (const rule of form.rules) {
      const refs = ruleRefs(rule);
      refs.fields?.forEach(checkRef);
      for (const table of refs.tables ?? []) if (!tableFields.has(table)) issue(`rule refers to unknown table ${table}`);
      for (const param of refs.monthDayParams ?? [])
        if (paramKinds.get(param) !== 'monthDay') issue(`rule needs a monthDay param ${param}`);
    }
    if (form.merge.table && !tableIds.has(form.merge.table)) issue(`merge.table ${form.merge.table} is not a table`);
    for (const id of form.merge.sameReturnBy) checkRef(id);
    if (form.merge.unitTotals) for (const id of form.merge.unitTotals.fields) checkRef(form.merge.table ? `${form.merge.table}.${id}` : id);
    for (const item of form.merge.items?.items ?? []) {
      if (item.yes) checkRef(item.yes);
      for (const c of item.counts) checkRef(c.field);
      checkTemplate(item.text);
    }
    if (form.print.repeatHeaderOf && !tableIds.has(form.print.repeatHeaderOf)) {
      issue(`print.repeatHeaderOf ${form.print.repeatHeaderOf} is not a table`);
    }
  });

export type FormDefinitionInput = z.input<typeof FormDefinitionSchema>;
export type FormDefinition = z.output<typeof FormDefinitionSchema>;
export type Field = z.output<typeof FieldSchema>;
export type FieldType = Field['type'];
export type Cell = z.output<typeof CellSchema>;
export type LabelCell = z.output<typeof LabelCellSchema>;
export type InputCell = z.output<typeof InputCellSchema>;
export type Row = z.output<typeof RowSchema>;
export type Band = z.output<typeof BandSchema>;
export type TableBand = z.output<typeof TableBandSchema>;
export type Param = z.output<typeof ParamSchema>;
export type StylePresetName = z.output<typeof StylePreset>;
export type StyleOverrideValue = z.output<typeof StyleOverride>;
export type Rule = z.output<typeof RuleSchema>;
export type SeverityName = z.output<typeof Severity>;

/** Parses a form definition, throwing an error that names the form and every problem. */
export function parseFormDefinition(input: unknown): FormDefinition {
  const result = FormDefinitionSchema.safeParse(input);
  if (result.success) return result.data;
  const id = typeof input === 'object' && input && 'id' in input ? String((input as { id: unknown }).id) : '?';
  const problems = result.error.issues.map((i) => `${i.path.join('.') || '(form)'}: ${i.message}`).join('; ');
  throw new Error(`form definition ${id} is invalid: ${problems}`);
}
