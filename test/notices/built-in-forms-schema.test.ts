import { FormDefinitionSchema } from '../../src/core/form-schema';
import { BUILT_IN_DEFINITIONS, CATALOGUE } from '../../src/notices';
import { builtInForm } from '../../src/notices/built-in-form';

// The runtime takes the built-in forms as typed data (no zod at start-up); this is where they meet the schema.
describe('built-in forms against the form schema', () => {
  const ids = BUILT_IN_DEFINITIONS.map((d) => `${d.id} v${d.version}`);

  it('lists every form of the catalogue, every version', () => {
    expect(ids.sort()).toEqual(CATALOGUE.allVersions.map((f) => `${f.id} v${f.version}`).sort());
  });

  it.each(BUILT_IN_DEFINITIONS.map((d, i) => [ids[i], d] as const))('%s parses with no issue', (_id, definition) => {
    const result = FormDefinitionSchema.safeParse(definition);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it.each(BUILT_IN_DEFINITIONS.map((d, i) => [ids[i], d] as const))(
    '%s as the runtime takes it equals what the schema gives (every default filled in)',
    (_id, definition) => {
      const parsed = FormDefinitionSchema.parse(definition);
      expect(builtInForm(definition)).toStrictEqual(parsed);
      expect(CATALOGUE.allVersions).toContainEqual(parsed);
    },
  );

  it('tells a wrong built-in definition apart (the check is live)', () => {
    const [first] = BUILT_IN_DEFINITIONS;
    if (!first) throw new Error('no built-in form');
    const broken = { ...first, columns: [] };
    expect(FormDefinitionSchema.safeParse(broken).success).toBe(false);
  });
});
