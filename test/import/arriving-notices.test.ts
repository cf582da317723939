import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { FormDefinition } from '../../src/core/form-schema';
import { CATALOGUE } from '../../src/notices';
import { END_TO_END_CASES, runEndToEnd, type EndToEnd } from './corpus/end-to-end';
import { loadExpectations } from './corpus/expectation';
import { matchNotice, type Miss, type NoticeFigures } from './corpus/match-notice';
import { cli, importNotice, importSeeds, makeCorpus, writtenForms, type NoticeRun } from './corpus/run-corpus';
import { matchForms } from './form-match';

/**
 * Issue 21 §4: notices as they really arrive — one 附件 or many, forms after the signature under their titles only,
 * separate files, a .doc, tables over pages, boxes in every style, the receiving office's fields, quantities by
 * their units — written by python-docx, LibreOffice and openpyxl (test/import/corpus/make_corpus.py), each imported
 * by `union-forms import` and compared with what it should give, written by hand in corpus/expected/*.json.
 * `npm run import-figures` prints the same comparison as figures.
 */
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'arriving-notices-'));
const expectations = loadExpectations();
let notices = '';
const runs = new Map<string, NoticeRun>();
const figures = new Map<string, NoticeFigures>();

beforeAll(async () => {
  notices = makeCorpus(root);
  for (const e of expectations) {
    const run = await importNotice(e, notices, root);
    runs.set(e.id, run);
    figures.set(e.id, matchNotice(e, run.forms));
  }
}, 300_000);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const ids = expectations.map((e) => e.id);
const withForms = expectations.filter((e) => e.forms.length > 0).map((e) => e.id);
const withLists = expectations.filter((e) => e.forms.some((f) => f.lists.length > 0)).map((e) => e.id);
const withOffice = expectations.filter((e) => e.forms.some((f) => f.office.length > 0)).map((e) => e.id);
const missesOf = (id: string, kinds: Miss['kind'][]): string[] =>
  (figures.get(id)?.perForm ?? []).flatMap((f) => f.misses.filter((m) => kinds.includes(m.kind)).map((m) => `${f.title}：${m.text}`));

describe('notices as they arrive, imported by union-forms import', () => {
  it('has a hand-written expectation for every notice the generator writes', () => {
    expect(fs.readdirSync(notices).sort()).toEqual([...ids].sort());
  });

  it.each(withForms)('%s: imported without an error', (id) => {
    const run = runs.get(id) as NoticeRun;
    expect({ code: run.code, err: run.err }).toEqual({ code: 0, err: [] });
  });

  it.each(ids)('%s: finds every form the notice asks for, and nothing that is not one (a 名单, an 实施方案)', (id) => {
    const f = figures.get(id) as NoticeFigures;
    const expected = expectations.find((e) => e.id === id)?.forms.map((x) => x.title) ?? [];
    expect({ found: f.perForm.filter((x) => x.found).map((x) => x.title), extra: f.extraForms }).toEqual({ found: expected, extra: [] });
  });

  it.each(withForms)('%s: keeps every printed label and note', (id) => {
    expect(missesOf(id, ['form', 'labels'])).toEqual([]);
  });

  it.each(withForms)('%s: an input for each of the unit’s fields, of the right type', (id) => {
    expect(missesOf(id, ['form', 'inputs', 'types'])).toEqual([]);
  });

  it.each(withLists)('%s: each list whole, as one list (over pages, under 续表), with both levels of its headings', (id) => {
    expect(missesOf(id, ['form', 'lists'])).toEqual([]);
  });

  it.each(withOffice)('%s: what the receiving office fills is kept on the form, not required of the unit nor summed', (id) => {
    expect(missesOf(id, ['form', 'office'])).toEqual([]);
  });

  it.each(withForms)('%s: every form carries the notice’s 文号, whole title and its own deadline', (id) => {
    expect(missesOf(id, ['form', 'facts'])).toEqual([]);
  });

  it('a notice with only a 名单 gives no form and says so in Chinese (exit 1)', () => {
    const run = runs.get('n10-seed-003') as NoticeRun;
    expect(run.forms).toEqual([]);
    expect(run.code).toBe(1);
    expect(run.err).toHaveLength(1);
    expect(run.err[0]).toMatch(/^错误：.*没有.*表格/);
  });

  it('a .doc is never called an incomplete zip', () => {
    const run = runs.get('n07-walk-doc') as NoticeRun;
    expect([...run.err, ...run.out].join('\n')).not.toMatch(/压缩包/);
  });

  it('a notice without 文号 gives its forms stable ids from its title, not from empty text', async () => {
    const e = expectations.find((x) => x.id === 'n05-innovation');
    if (!e) throw new Error('n05-innovation has no expectation');
    const again = await importNotice(e, notices, root, 'imported-again');
    const first = (runs.get(e.id) as NoticeRun).forms.map((f) => f.id);
    expect(first).toHaveLength(2);
    expect(again.forms.map((f) => f.id)).toEqual(first);
    expect(first.join(' ')).not.toMatch(/e3b0c442/);
  });

  it('a notice in several files, named one by one, gives what its folder gives', async () => {
    const folder = path.join(notices, 'n06-separate-files');
    const files = fs.readdirSync(folder).sort((a, b) => (a.startsWith('附件') ? 1 : 0) - (b.startsWith('附件') ? 1 : 0));
    const out = path.join(root, 'named-files');
    const run = await cli(['import', ...files.map((f) => path.join(folder, f)), '-o', out], root);
    expect({ code: run.code, err: run.err }).toEqual({ code: 0, err: [] });
    const view = (forms: FormDefinition[]) => forms.map((f) => `${f.name}|${f.notice.docNo}|${f.notice.title}`).sort();
    expect(view(writtenForms(out))).toEqual(view((runs.get('n06-separate-files') as NoticeRun).forms));
  });
});

describe('three imported forms end to end: filled by their printed labels, validated, merged', () => {
  let results: EndToEnd[] = [];
  beforeAll(async () => {
    results = await runEndToEnd(root, [...runs.values()]);
  }, 300_000);

  it.each(END_TO_END_CASES)('%s: no error on correct returns, every planted error at its cell, the right 合计', (id) => {
    const r = results.find((x) => x.id === id) as EndToEnd;
    process.stdout.write(`${r.id}: ${r.summary}\n`);
    expect(r.problems).toEqual([]);
    expect(r.falseErrors).toBe(0);
    expect(r.planted[0]).toBe(r.planted[1]);
    expect(r.totals[0]).toBe(r.totals[1]);
    expect(r.templateTotals[0]).toBe(r.templateTotals[1]);
  });
});

describe('the six seed forms imported the same way', () => {
  let seeds = new Map<string, FormDefinition[]>();
  beforeAll(async () => {
    seeds = await importSeeds(root);
  }, 120_000);

  it.each(CATALOGUE.forms.map((f) => f.id))('%s keeps at least 97% of its match with the hand-made definition', (id) => {
    const hand = CATALOGUE.getForm(id);
    const no = /\d+/.exec(hand.notice.attachment)?.[0];
    const form = (seeds.get(hand.notice.seed ?? '') ?? []).find((f) => /\d+/.exec(f.notice.attachment)?.[0] === no);
    expect(form).toBeDefined();
    expect(matchForms(hand, form as FormDefinition).share).toBeGreaterThanOrEqual(0.97);
  });
});
