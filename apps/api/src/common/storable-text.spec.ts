import { MAX_DEPTH, findUnstorableText } from './storable-text';

describe('findUnstorableText', () => {
  it('passes ordinary text, emoji (a surrogate pair) and non-text values', () => {
    expect(findUnstorableText({ name: 'Zoë 👩‍👧', count: 3, ok: true, none: null, list: ['a', 1] })).toEqual([]);
  });

  it('names a NUL anywhere in a body by its dotted path', () => {
    const body = { rows: [{ fromTown: 'Leeds' }, { fromTown: 'Hull\u0000' }], note: 'a\u0000b' };
    expect(findUnstorableText(body)).toEqual([
      { field: 'rows.1.fromTown', problem: 'must not contain a NUL character (\\u0000)' },
      { field: 'note', problem: 'must not contain a NUL character (\\u0000)' },
    ]);
  });

  it('names a path or query parameter by the name it is given', () => {
    expect(findUnstorableText('abc\u0000', 'id')).toEqual([
      { field: 'id', problem: 'must not contain a NUL character (\\u0000)' },
    ]);
    expect(findUnstorableText({ provider: '\u0000' }).map((p) => p.field)).toEqual(['provider']);
  });

  it('finds a lone high or low surrogate, which UTF-8 cannot encode', () => {
    expect(findUnstorableText({ a: 'x\uD800', b: '\uDC00y', c: '\uD83D\uDC69' }).map((p) => p.field)).toEqual([
      'a',
      'b',
    ]);
  });

  it('finds a NUL in a field name', () => {
    expect(findUnstorableText({ info: { 'bad\u0000key': 'v' } })).toEqual([
      { field: 'info.bad\u0000key', problem: 'is a field name that must not contain a NUL character (\\u0000)' },
    ]);
  });

  it(`stops at ${MAX_DEPTH} levels of nesting and says where`, () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    const problems = findUnstorableText({ rows: deep });
    expect(problems).toHaveLength(1);
    expect(problems[0].problem).toBe(`is nested more than ${MAX_DEPTH} levels deep`);
    expect(problems[0].field).toMatch(/^rows(\.0)+$/);
  });

  it('passes a value nested exactly as deep as allowed', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < MAX_DEPTH; i++) deep = [deep];
    expect(findUnstorableText(deep)).toEqual([]);
  });
});
