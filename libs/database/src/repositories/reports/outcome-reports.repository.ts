/**
 * Accommodation outcomes of the women released in a period (recommendation 8): housed on the night of release,
 * and at 12 weeks settled, transient, homeless, recalled or unknown, per releasing prison.
 */
import { Injectable } from '@nestjs/common';
import { ReportReads } from './report-reads';
import {
  AccommodationOutcomeCategory,
  ACCOMMODATION_TYPES,
  accommodationCategory,
  HOUSED_TYPES,
  WEEK_12_DAYS_AFTER_RELEASE,
} from '@app/domain';
import { ReportPeriod, ReportQueryScope, SqlParams } from './report-sql';

export interface AccommodationOutcomeRow {
  prisonCode: string;
  released: number;
  nightHoused: number;
  nightNotHoused: number;
  nightUnknown: number;
  /** Releases whose 12-week point has passed: the base of the 12-week rates. */
  reachedWeek12: number;
  week12Settled: number;
  week12Transient: number;
  week12Homeless: number;
  week12Recalled: number;
  week12Unknown: number;
}

function typesOf(category: AccommodationOutcomeCategory): string[] {
  return ACCOMMODATION_TYPES.filter((t) => accommodationCategory(t) === category);
}

@Injectable()
export class OutcomeReportsRepository {
  constructor(private readonly reads: ReportReads) {}

  async accommodation(
    scope: ReportQueryScope,
    period: ReportPeriod,
    today: string,
  ): Promise<AccommodationOutcomeRow[]> {
    const params = new SqlParams();
    const week12 = `rel.released_on + ${WEEK_12_DAYS_AFTER_RELEASE}`;
    const recalled = `(rel.recalled_on IS NOT NULL AND rel.recalled_on <= ${week12})`;
    const todayParam = params.add(today);
    const reached = `${week12} <= ${todayParam}::date`;
    const category = (c: AccommodationOutcomeCategory) =>
      `count(*) FILTER (WHERE ${reached} AND NOT ${recalled}
         AND w12.accommodation_type = ANY(${params.add(typesOf(c))}::text[]))::int`;
    const rows = await this.reads.query<Record<string, unknown>[]>(
      `SELECT rel.prison_code, count(*)::int AS released,
              count(*) FILTER (WHERE night.accommodation_type = ANY(${params.add([...HOUSED_TYPES])}::text[]))::int AS night_housed,
              count(*) FILTER (WHERE night.id IS NOT NULL)::int AS night_recorded,
              count(*) FILTER (WHERE ${reached} OR ${recalled})::int AS reached,
              ${category(AccommodationOutcomeCategory.SETTLED)} AS settled,
              ${category(AccommodationOutcomeCategory.TRANSIENT)} AS transient,
              ${category(AccommodationOutcomeCategory.HOMELESS)} AS homeless,
              count(*) FILTER (WHERE ${recalled})::int AS recalled,
              count(*) FILTER (WHERE ${reached} AND NOT ${recalled} AND w12.id IS NULL)::int AS unknown
       FROM releases rel
       LEFT JOIN accommodation_outcomes night ON night.release_id = rel.id AND night.checkpoint = 'NIGHT_OF_RELEASE'
       LEFT JOIN accommodation_outcomes w12 ON w12.release_id = rel.id AND w12.checkpoint = 'WEEK_12'
       WHERE rel.released_on BETWEEN ${params.add(period.from)}::date AND ${params.add(period.to)}::date
         ${params.inList('rel.prison_code', scope.prisonCodes)}
       GROUP BY rel.prison_code ORDER BY rel.prison_code`,
      params.values,
    );
    return rows.map((r) => ({
      prisonCode: r.prison_code as string,
      released: r.released as number,
      nightHoused: r.night_housed as number,
      nightNotHoused: (r.night_recorded as number) - (r.night_housed as number),
      nightUnknown: (r.released as number) - (r.night_recorded as number),
      reachedWeek12: r.reached as number,
      week12Settled: r.settled as number,
      week12Transient: r.transient as number,
      week12Homeless: r.homeless as number,
      week12Recalled: r.recalled as number,
      week12Unknown: r.unknown as number,
    }));
  }
}
