/** A list's total beside its page: read off the page when the page shows it, counted only when it does not. */
import { SelectQueryBuilder } from 'typeorm';

export interface PageShape {
  offset: number;
  limit: number;
  /** How many rows the page holds. */
  length: number;
}

/**
 * A page with room to spare is the last one, so the total is its offset plus its rows: no count (a woman's
 * detail and most boards fit one page). A full page, or an empty one past the start, needs the count.
 */
export function pageTotal(page: PageShape, count: () => Promise<number>): Promise<number> {
  if (page.length > 0 && page.length < page.limit) return Promise.resolve(page.offset + page.length);
  if (page.length === 0 && page.offset === 0) return Promise.resolve(0);
  return count();
}

/**
 * count(*) of a list's rows. TypeORM's getCount() counts DISTINCT ids, a sort of every matching row; each row of
 * these lists joins only the one woman it belongs to, so there is nothing to de-duplicate.
 */
export async function countRows<T extends object>(qb: SelectQueryBuilder<T>): Promise<number> {
  const row = await qb
    .clone()
    .select('count(*)', 'total')
    .orderBy()
    .offset(undefined)
    .limit(undefined)
    .getRawOne<{ total: string }>();
  return Number(row?.total ?? 0);
}

/**
 * A promise started now whose outcome is read later, or never (a count the page turns out not to need): its
 * rejection is held for the reader instead of going unhandled.
 */
export function settled<T>(promise: Promise<T>): () => Promise<T> {
  const outcome = promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  return async () => {
    const result = await outcome;
    if (result.ok) return result.value;
    throw result.error;
  };
}
