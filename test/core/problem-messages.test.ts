import * as fs from 'fs';
import * as path from 'path';
import { formatProblem, LANGS, PROBLEM_CODES, problemIn, problemMessage, type ProblemCode } from '../../src/core/messages';
import { RULE_CODES, RULE_KINDS } from '../../src/core/rules/kinds';

const SRC = path.join(__dirname, '..', '..', 'src', 'core');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Every problem code the core's source reports: `code: '…'`, note('…'), carried('…'), report(…, 'info', '…'), a ? '…' : '…'. */
function codesInSource(): Set<string> {
  const found = new Set<string>();
  const patterns = [
    /\bcode: '([\w.]+)'/g,
    /\b(?:note|carried|problemMessage)\('([\w.]+)'/g,
    /'(?:error|warning|info)', '([\w.]+)'/g,
    /\? '([\w.]+)' : '([\w.]+)'/g,
  ];
  // Where problems are made: the checks (rules/, rules/kinds/), the reader (read/) and the merge's relations of a file's sheets (merge/file-sheets.ts).
  for (const file of [...sources(path.join(SRC, 'rules')), ...sources(path.join(SRC, 'read')), path.join(SRC, 'merge', 'file-sheets.ts')]) {
    const text = fs.readFileSync(file, 'utf8');
    for (const pattern of patterns)
      for (const m of text.matchAll(pattern))
        for (const code of m.slice(1)) if (code && /^[a-z][A-Za-z]*(\.[a-z][A-Za-z]*)*$/.test(code)) found.add(code);
  }
  // Not a problem code: zod's own issue code.
  found.delete('custom');
  return found;
}

/** Params that answer every name a wording asks, so that a wording reading a name it was not given shows up. */
const anyParams = new Proxy({} as Record<string, string>, { get: (_, name) => (typeof name === 'string' ? `‹${name}›` : undefined) });

describe('problem messages: one table per language, keyed by code (issue 12)', () => {
  const used = codesInSource();

  it('finds the codes the core reports in its source', () => {
    expect(used.size).toBeGreaterThan(40);
    for (const code of [
      'required',
      'phone.format',
      'postcode.format',
      'integer',
      'maxLength',
      'choice',
      'date',
      'rule.oneOf',
      'rule.minRows',
    ])
      expect(used).toContain(code);
  });

  it.each(LANGS)('%s words every code reported, and reports no code without words', (lang) => {
    const missing = [...used].filter((code) => {
      try {
        return problemMessage(code as ProblemCode, anyParams, lang).trim() === '';
      } catch {
        return true;
      }
    });
    expect(missing).toEqual([]);
    expect([...PROBLEM_CODES].sort()).toEqual([...used].sort());
  });

  it.each(LANGS)('%s: every wording uses only what it is given', (lang) => {
    for (const code of PROBLEM_CODES) expect(problemMessage(code as ProblemCode, anyParams, lang)).not.toMatch(/undefined|\[object/);
  });

  it('each rule kind words its own codes in every language, and no two kinds share a code', () => {
    for (const kind of RULE_KINDS)
      for (const lang of LANGS) expect(Object.keys(kind.messages[lang]).sort()).toEqual(Object.keys(kind.messages['zh-CN']).sort());
    expect(new Set(RULE_CODES).size).toBe(RULE_CODES.length);
  });

  it('English is English: no code is worded the same as in Chinese, and formatProblem picks the language', () => {
    const params = { label: '邮政编码', max: 10, count: 12 };
    expect(formatProblem({ code: 'required', params }, 'zh-CN')).toBe('必填：请填写邮政编码。');
    expect(formatProblem({ code: 'required', params }, 'en-US')).toBe('Required: fill in 邮政编码.');
    expect(formatProblem({ code: 'maxLength', params }, 'en-US')).toBe('At most 10 characters; there are 12. Please shorten it.');
    for (const code of PROBLEM_CODES)
      expect(problemMessage(code as ProblemCode, anyParams, 'en-US')).not.toBe(problemMessage(code as ProblemCode, anyParams, 'zh-CN'));
    const problem = { code: 'postcode.format' as const, params: {}, message: '邮政编码应为6位数字，如 200063。' };
    expect(problemIn(problem, 'zh-CN')).toBe(problem);
    expect(problemIn(problem, 'en-US')).toEqual({ ...problem, message: 'A postcode has 6 digits, such as 200063.' });
  });
});
