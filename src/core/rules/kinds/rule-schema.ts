import { z } from 'zod';
import { FieldRef, Identifier, Severity } from '../../schema-atoms';
import { RULE_KINDS, type Kinds, type SchemasOf } from './index';
import type { SchemaParts } from './rule-kind';

/*
 * The rule kinds' schemas, built here and not in the kinds' modules: only reading a definition from outside (an
 * imported form, one carried in a workbook; the tests for the built-in forms) needs them, and with them zod.
 */

/** The builders the kinds use, each named, so that the bundler keeps only these of zod. */
const BUILDERS: SchemaParts['z'] = {
  object: z.object,
  literal: z.literal,
  array: z.array,
  string: z.string,
  number: z.number,
  boolean: z.boolean,
};

/** Each kind's schema, in the registry's order. */
export const RULE_SCHEMAS = RULE_KINDS.map((k) => k.schema({ z: BUILDERS, FieldRef, Identifier, Severity })) as unknown as SchemasOf<Kinds>;

/** A rule of any kind, as a form definition gives it: the union of the kinds' schemas, told apart by `kind`. */
export const RuleSchema = z.discriminatedUnion('kind', RULE_SCHEMAS);
