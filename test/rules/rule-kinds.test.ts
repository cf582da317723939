import { parseFormDefinition, RuleSchema } from '../../src/core/form-schema';
import { RULE_KINDS } from '../../src/core/rules/kinds';
import { RULE_SCHEMAS } from '../../src/core/rules/kinds/rule-schema';
import { getForm } from '../../src/notices';

/** The 活动项目申报表 with other rules: its fields are unit, projectName, time…; its params periodStart, periodEnd, year… */
const withRules = (rules: unknown[]) => () => parseFormDefinition({ ...getForm('festival-project'), rules });

describe('rule kinds: one module each, one registry (issue 12)', () => {
  it('the form schema’s rule union is the registry’s kinds, each told apart by its own `kind`', () => {
    const names = RULE_KINDS.map((k) => k.kind);
    expect(new Set(names).size).toBe(names.length);
    expect(RULE_SCHEMAS.map((schema) => schema.shape.kind.value)).toEqual(names);
    expect(RuleSchema.options).toEqual(RULE_SCHEMAS);
    expect(RuleSchema.safeParse({ kind: 'notFuture', field: 'time', severity: 'warning' }).success).toBe(true);
    expect(RuleSchema.safeParse({ kind: 'noSuchKind', field: 'time', severity: 'warning' }).success).toBe(false);
  });

  it('a form’s rules are checked against its fields, lists and params through each kind’s refs', () => {
    expect(withRules([{ kind: 'notFuture', field: 'time', severity: 'warning' }])).not.toThrow();
    expect(withRules([{ kind: 'notFuture', field: 'nowhere', severity: 'warning' }])).toThrow(/rule refers to unknown field nowhere/);
    expect(withRules([{ kind: 'minRows', table: 'members', min: 2, plus: 0, severity: 'error', message: '至少两人。' }])).toThrow(
      /rule refers to unknown table members/,
    );
    expect(withRules([{ kind: 'withinPeriod', field: 'time', startParam: 'year', endParam: 'periodEnd', severity: 'warning' }])).toThrow(
      /rule needs a monthDay param year/,
    );
    expect(
      withRules([
        {
          kind: 'flagAndCount',
          flag: 'unit',
          counts: ['participants', 'ghost'],
          countAsked: true,
          countWithoutFlag: 'warning',
          flagWithoutCount: 'warning',
        },
      ]),
    ).toThrow(/unknown field ghost/);
  });
});
