import { types } from 'pg';
import { parseTimestamptz } from './timestamptz-parser';

/** pg's own parser (postgres-date): the oracle. */
const pgParser = types.getTypeParser(types.builtins.TIMESTAMPTZ, 'text') as (text: string) => unknown;

const two = (n: number) => String(n).padStart(2, '0');

const OFFSETS = ['+00', '+01', '-05', '+05:30', '-03:30', '+14', '-12', '+00:01:15', '-00:25:21'];

/**
 * The i-th timestamp as PostgreSQL writes one in some time zone (the fraction's trailing zeros dropped, none every
 * fifth): each field steps by a prime of its own, so the fields and offsets meet in many combinations.
 */
function postgresText(i: number): string {
  const year = 1000 + ((i * 7919) % 9000);
  const date = `${year}-${two(1 + ((i * 31) % 12))}-${two(1 + ((i * 17) % 28))}`;
  const clock = `${two((i * 13) % 24)}:${two((i * 37) % 60)}:${two((i * 53) % 60)}`;
  const micros = String((i * 104_729) % 1_000_000)
    .padStart(6, '0')
    .replace(/0+$/, '');
  const fraction = i % 5 === 0 || micros === '' ? '' : `.${micros}`;
  return `${date} ${clock}${fraction}${OFFSETS[i % OFFSETS.length]}`;
}

describe('parseTimestamptz', () => {
  it("gives the instant pg's own parser gives, for 100,000 timestamps as PostgreSQL writes them", () => {
    const misses: string[] = [];
    for (let i = 0; i < 100_000; i++) {
      const text = postgresText(i);
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
});
