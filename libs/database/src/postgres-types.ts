/**
 * The type parsers pg's pool is given: pg's own, except for two kinds of column.
 *
 * - `timestamptz` text: parseTimestamptz (the same Dates as pg's parser, at a fifth of the cost; issue 15).
 * - `date` and `date[]`: kept as PostgreSQL's text, `YYYY-MM-DD`. pg's own parser makes a `date` a Date at local
 *   midnight, so a raw read turned back into text with `toISOString()` names the day before in any process whose time
 *   zone is ahead of UTC (British Summer Time included): a referral showed its woman's release date a day early that
 *   way (fixed in 1ac3b45 by a cast in that one read). A calendar date has no time of day; every entity already
 *   holds its `date` columns as strings (TypeORM passes a string through), so with this parser no read, raw or
 *   not, can make one an instant again. test/e2e/scope/server-time-zone.e2e-spec.ts holds every answer of the API
 *   to be the same in any time zone.
 */
import { types } from 'pg';
import { parseTimestamptz } from './timestamptz-parser';

/** pg's builtins are an enum; as numbers. */
const TIMESTAMPTZ: number = types.builtins.TIMESTAMPTZ;
const DATE: number = types.builtins.DATE;
/** `date[]` and `text[]`: pg's builtins do not name array types. */
const DATE_ARRAY: number = 1182;
const TEXT_ARRAY: number = 1009;

const keepText = (text: string): string => text;
/** pg's parser for `text[]`: the array's elements as PostgreSQL wrote them. */
const textArrayParser = types.getTypeParser(TEXT_ARRAY, 'text') as (text: string) => (string | null)[];

export const POSTGRES_TYPES = {
  getTypeParser(oid: number, format?: 'text' | 'binary'): unknown {
    if ((format ?? 'text') !== 'text') return types.getTypeParser(oid, format);
    if (oid === TIMESTAMPTZ) return parseTimestamptz;
    if (oid === DATE) return keepText;
    if (oid === DATE_ARRAY) return textArrayParser;
    return types.getTypeParser(oid, format);
  },
};
