/**
 * SQL fragments every report shares: the prison a woman's work counts against, and the scope filter built
 * from a resolved report scope. Parameters are positional; each builder says which numbers it takes.
 */

/** Where her work counts: the prison she is in, or the prison that released her (matches an index). */
export function accountablePrisonSql(womanAlias: string): string {
  return `(CASE WHEN ${womanAlias}.prison_code = 'OUT' THEN ${womanAlias}.released_from_prison_code ELSE ${womanAlias}.prison_code END)`;
}

/** Open tasks, written as the partial indexes on tasks are (a parameter would not match their predicate). */
export function openTaskSql(taskAlias: string): string {
  return `${taskAlias}.status IN ('TODO', 'IN_PROGRESS', 'BLOCKED')`;
}

/** A numeric aggregate (percentile, average) to one decimal place; null stays null. */
export function oneDecimal(value: unknown): number | null {
  return value === null ? null : Math.round(Number(value) * 10) / 10;
}

/** The figures' scope as the repositories take it: prisons (null for the estate) and hidden pathways. */
export interface ReportQueryScope {
  prisonCodes: readonly string[] | null;
  /** Limits referral figures to one CRS provider. */
  providerId: string | null;
  /** Special category pathways the reader may not see: left out of every count. */
  hiddenPathways: readonly string[];
}

/** A date range, both ends inclusive, as London dates. */
export interface ReportPeriod {
  from: string;
  to: string;
}

/**
 * Collects positional parameters while a query is assembled, so optional filters can be added without
 * renumbering by hand.
 */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  /** `AND <column> = ANY($n)` when the list is given, nothing for the whole estate. */
  inList(column: string, list: readonly string[] | null): string {
    return list === null ? '' : `AND ${column} = ANY(${this.add([...list])}::text[])`;
  }

  /** `AND <column> <> ALL($n)` when anything is hidden. */
  notInList(column: string, list: readonly string[]): string {
    return list.length === 0 ? '' : `AND ${column} <> ALL(${this.add([...list])}::text[])`;
  }
}
