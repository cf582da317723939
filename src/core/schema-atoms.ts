import { z } from 'zod';

// No generated code: zod would otherwise probe `new Function`, which the pane's Content-Security-Policy forbids.
// Set here, before any schema is built: zod decides it when an object schema is made, and the rule kinds'
// schemas (rules/kinds/) are made when their modules load, before form-schema.ts's own.
z.config({ jitless: true });

/** An id in a form definition: lowerCamelCase letters and digits. */
export const Identifier = z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'id: lowerCamelCase letters and digits');

/** A field by id, or a list column as `table.field` (checked on every row). */
export const FieldRef = z.string().regex(/^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)?$/, 'a field id, or table.field');

export const Severity = z.enum(['error', 'warning', 'info']);
export type SeverityName = z.output<typeof Severity>;
