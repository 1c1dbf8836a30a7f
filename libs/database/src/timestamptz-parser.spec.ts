import { types } from 'pg';
import { parseTimestamptz, POSTGRES_TYPES } from './timestamptz-parser';

/** pg's own parser (postgres-date): the oracle. */
const pgParser = types.getTypeParser(types.builtins.TIMESTAMPTZ, 'text') as (text: string) => unknown;

function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const two = (n: number) => String(n).padStart(2, '0');

/** Text as PostgreSQL writes a timestamptz in some time zone: the fraction's trailing zeros dropped. */
function postgresText(next: () => number): string {
  const year = 1000 + Math.floor(next() * 9000);
  const month = 1 + Math.floor(next() * 12);
  const day = 1 + Math.floor(next() * 28);
  const clock = `${two(Math.floor(next() * 24))}:${two(Math.floor(next() * 60))}:${two(Math.floor(next() * 60))}`;
  const micros = String(Math.floor(next() * 1_000_000))
    .padStart(6, '0')
    .replace(/0+$/, '');
  const fraction = next() < 0.2 || micros === '' ? '' : `.${micros}`;
  const offsets = ['+00', '+01', '-05', '+05:30', '-03:30', '+14', '-12', '+00:01:15', '-00:25:21'];
  return `${year}-${two(month)}-${two(day)} ${clock}${fraction}${offsets[Math.floor(next() * offsets.length)]}`;
}

describe('parseTimestamptz', () => {
  it("gives the instant pg's own parser gives, for 100,000 timestamps as PostgreSQL writes them", () => {
    const next = random(1184);
    const misses: string[] = [];
    for (let i = 0; i < 100_000; i++) {
      const text = postgresText(next);
      const ours = parseTimestamptz(text);
      const theirs = pgParser(text);
      if (!(ours instanceof Date) || !(theirs instanceof Date) || ours.getTime() !== theirs.getTime())
        misses.push(text);
    }
    expect(misses.slice(0, 5)).toEqual([]);
  });

  it("leaves what is not in PostgreSQL's usual form to pg's parser", () => {
    for (const text of [
      'infinity',
      '-infinity',
      '2026-12-01 17:00:00+00 BC',
      '12026-12-01 17:00:00+00',
      '0099-12-01 17:00:00+00',
      '2026-12-01 17:00:00.1234567+00',
      '2026-12-01 17:00:00',
      '2026-12-01T17:00:00Z',
    ]) {
      expect(parseTimestamptz(text)).toEqual(pgParser(text));
    }
  });

  it('is the parser the pool gets for timestamptz text, and only for that', () => {
    expect(POSTGRES_TYPES.getTypeParser(types.builtins.TIMESTAMPTZ, 'text')).toBe(parseTimestamptz);
    expect(POSTGRES_TYPES.getTypeParser(types.builtins.TIMESTAMPTZ)).toBe(parseTimestamptz);
    expect(POSTGRES_TYPES.getTypeParser(types.builtins.TIMESTAMP, 'text')).toBe(
      types.getTypeParser(types.builtins.TIMESTAMP, 'text'),
    );
    expect(POSTGRES_TYPES.getTypeParser(types.builtins.TIMESTAMPTZ, 'binary')).toBe(
      types.getTypeParser(types.builtins.TIMESTAMPTZ, 'binary'),
    );
  });
});
