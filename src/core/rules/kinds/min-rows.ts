import { ruleKind } from './rule-kind';

/** A list needs at least `min` rows, counting `plus` people named outside it (团队须有5人以上, 含领衔人). */
export const minRows = ruleKind({
  kind: 'minRows',
  schema: ({ z, Identifier, Severity }) =>
    z
      .object({
        kind: z.literal('minRows'),
        table: Identifier,
        min: z.number().int().min(1),
        plus: z.number().int().min(0),
        severity: Severity,
        message: z.string().min(1),
      })
      .strict(),
  refs: (rule) => ({ tables: [rule.table] }),
  check(rule, scope) {
    const table = scope.tables.find((t) => t.id === rule.table);
    if (!table) return [];
    const filled = scope.startedRows(table.id).length;
    if (filled + rule.plus >= rule.min) return [];
    const anchor = scope.listCell(table.id, filled);
    if (!anchor) return [];
    return [
      {
        entry: anchor,
        severity: rule.severity,
        code: 'rule.minRows',
        params: { message: rule.message, count: filled + rule.plus, min: rule.min },
        label: table.label,
        empty: true,
      },
    ];
  },
  messages: {
    'zh-CN': { 'rule.minRows': (p) => `${p.message}（现有${p.count}人）` },
    'en-US': { 'rule.minRows': (p) => `At least ${p.min} are needed here; there are ${p.count}.` },
  },
});
