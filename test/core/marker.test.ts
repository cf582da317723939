import { formatMarker, parseMarker } from '../../src/core/marker';

describe('form markers', () => {
  const text = formatMarker('studio-summary', 3, { year: 2021, deadline: '11-13' });

  it('spell the form, the version and the parameters', () => {
    expect(text).toBe('UNIONFORMS|studio-summary|3|deadline=11-13;year=2021');
    expect(parseMarker(text)).toEqual({ formId: 'studio-summary', version: 3, params: { deadline: '11-13', year: '2021' } });
  });

  it('are read back from a defined name value, quoted or as a formula', () => {
    expect(parseMarker(`"${text}"`)?.formId).toBe('studio-summary');
    expect(parseMarker(`="${text}"`)?.version).toBe(3);
    expect(parseMarker(`  ${text}  `)?.formId).toBe('studio-summary');
  });

  it.each([undefined, 42, '', 'UNIONFORMS|', 'UNIONFORMS|Bad Id|1|', 'OTHER|studio-summary|1|', 'UNIONFORMS|x|v1|'])('reject %p', (raw) => {
    expect(parseMarker(raw)).toBeUndefined();
  });

  it('keep parameter names such as __proto__ as plain data', () => {
    const parsed = parseMarker('UNIONFORMS|festival-project|1|__proto__=x;year=2017');
    expect(parsed?.params.year).toBe('2017');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
