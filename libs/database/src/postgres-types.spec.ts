import { types } from 'pg';
import { POSTGRES_TYPES } from './postgres-types';
import { parseTimestamptz } from './timestamptz-parser';

type Parser = (text: string) => unknown;
const ours = (oid: number, format?: 'text' | 'binary') => POSTGRES_TYPES.getTypeParser(oid, format) as Parser;

describe('POSTGRES_TYPES', () => {
  it('reads timestamptz text with parseTimestamptz, and only text', () => {
    expect(ours(types.builtins.TIMESTAMPTZ, 'text')).toBe(parseTimestamptz);
    expect(ours(types.builtins.TIMESTAMPTZ)).toBe(parseTimestamptz);
    expect(ours(types.builtins.TIMESTAMPTZ, 'binary')).toBe(types.getTypeParser(types.builtins.TIMESTAMPTZ, 'binary'));
  });

  it("keeps a date as PostgreSQL's text, whatever the process's time zone", () => {
    for (const text of ['2026-03-29', '2026-10-25', '2026-12-31', '1999-01-01', 'infinity']) {
      expect(ours(types.builtins.DATE)(text)).toBe(text);
    }
  });

  it('keeps the elements of a date[] as text, nulls as null', () => {
    expect(ours(1182)('{2026-03-29,NULL,2026-10-25}')).toEqual(['2026-03-29', null, '2026-10-25']);
    expect(ours(1182)('{}')).toEqual([]);
  });

  it("leaves every other type to pg's own parsers", () => {
    for (const oid of [
      types.builtins.TIMESTAMP,
      types.builtins.INT4,
      types.builtins.INT8,
      types.builtins.JSONB,
      1185,
    ]) {
      expect(ours(oid, 'text')).toBe(types.getTypeParser(oid, 'text'));
    }
  });
});
