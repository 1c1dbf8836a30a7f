/**
 * Governor reports (recommendations 1, 6 and 8): resolves who may see which prisons, the period, and the
 * names tables show; runs the report's queries; and records every view and export in the audit trail.
 */
import { ForbiddenException, Injectable } from '@nestjs/common';
import { AuthenticatedUser } from '@app/auth';
import {
  AlertReportsRepository,
  AuditTrailRepository,
  KeyworkReportsRepository,
  OutcomeReportsRepository,
  OverdueSnapshotsRepository,
  OverdueWorkRepository,
  ReferenceDataRepository,
  ReferralReportsRepository,
  ReleaseReadinessRepository,
  ReportPeriod,
  ReportQueryScope,
  UnitOfWork,
  ReportReads,
} from '@app/database';
import {
  addCalendarDays,
  daysBetween,
  DEFAULT_REPORT_PERIOD_DAYS,
  MAX_REPORT_PERIOD_DAYS,
  OVERDUE_AGE_BUCKETS,
  recentWeekEnds,
  RELEASE_READINESS_DAYS,
  ReportKind,
  resolveReportScope,
  referralListFilterFor,
  taskVisibilityFor,
} from '@app/domain';
import type { ReportWords } from '@app/contracts';
import { Clock } from '../common/clock';
import { fieldError } from '../common/validation-errors';
import { overdueTasksTable, overdueWorkTables } from './overdue-reports';
import { accommodationTables, alertTables } from './outcome-reports';
import { keyworkTables } from './keywork-report';
import { OverdueTasksQueryDto, ReportPeriodQueryDto, ReportScopeQueryDto } from './report-query.dto';
import { ReportNames } from './report-labels';
import { ReportResult, ReportTable } from './report-table';
import { NO_PROVIDER, NO_TEAM, SPECIAL_CATEGORY_NOTE, UNKNOWN_PRISON, scopeWords, withCellWords } from './report-words';
import { releaseReadinessTables } from './readiness-report';
import { providerAccountabilityTables, referralTimelinessTables } from './referral-reports';
import { overdueTrendTables } from './trend-report';

const LIVE = 'Live: computed from the records when you asked.';
const WEEKLY =
  'Each week is counted by the worker when the week ends (Monday 00:00) and then kept; this week so far is live.';
/** The freshness lines' words for the web (report-words.ts). */
const FRESHNESS_WORDS: Record<string, ReportWords> = {
  [LIVE]: { key: 'reportWords.LIVE' },
  [WEEKLY]: { key: 'reportWords.WEEKLY' },
};

const TITLES: Record<ReportKind, string> = {
  [ReportKind.OVERDUE_WORK]: 'Overdue work',
  [ReportKind.OVERDUE_TREND]: 'Overdue trend',
  [ReportKind.RELEASE_READINESS]: 'Release readiness',
  [ReportKind.PROVIDER_ACCOUNTABILITY]: 'Provider accountability',
  [ReportKind.REFERRAL_TIMELINESS]: 'Timeliness of referrals',
  [ReportKind.ACCOMMODATION_OUTCOMES]: 'Accommodation outcomes',
  [ReportKind.ALERTS]: 'Alerts',
  [ReportKind.KEYWORK]: 'Keywork',
};

interface Resolved {
  scope: ReportQueryScope;
  label: string;
  names: ReportNames;
  now: Date;
  today: string;
  notes: string[];
  /** The notes' words, one for each note (report-words.ts). */
  noteWords: ReportWords[];
}

/** Adds a note in English and its words for the web. */
function note(r: Resolved, english: string, key: string, values?: ReportWords['values']): void {
  r.notes.push(english);
  r.noteWords.push(values ? { key, values } : { key });
}

@Injectable()
export class ReportsService {
  constructor(
    private readonly overdueWork: OverdueWorkRepository,
    private readonly snapshots: OverdueSnapshotsRepository,
    private readonly readiness: ReleaseReadinessRepository,
    private readonly referralReports: ReferralReportsRepository,
    private readonly outcomes: OutcomeReportsRepository,
    private readonly alertReports: AlertReportsRepository,
    private readonly keyworkReports: KeyworkReportsRepository,
    private readonly reference: ReferenceDataRepository,
    private readonly audit: AuditTrailRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly reads: ReportReads,
    private readonly clock: Clock,
  ) {}

  async overdueWorkReport(user: AuthenticatedUser, query: ReportScopeQueryDto): Promise<ReportResult> {
    const r = await this.resolve(user, ReportKind.OVERDUE_WORK, query);
    const rows = await this.overdueWork.groups(r.scope, r.now, r.today);
    return this.result(ReportKind.OVERDUE_WORK, r, null, LIVE, overdueWorkTables(rows, r.names));
  }

  async overdueTasks(user: AuthenticatedUser, query: OverdueTasksQueryDto): Promise<ReportResult> {
    const r = await this.resolve(user, ReportKind.OVERDUE_WORK, query);
    const bucket = OVERDUE_AGE_BUCKETS.find((b) => b.key === query.bucket);
    const limit = query.limit ?? 200;
    const { rows, total } = await this.overdueWork.tasks(
      r.scope,
      r.now,
      r.today,
      {
        ownerRole: query.ownerRole,
        teamKey: query.team,
        providerId: query.provider,
        pathway: query.pathway,
        prisonCode: query.prison,
        state: bucket ? 'OVERDUE' : query.state,
        minWorkingDaysLate: bucket?.min,
        maxWorkingDaysLate: bucket && Number.isFinite(bucket.max) ? bucket.max : undefined,
      },
      limit,
    );
    if (total > rows.length) {
      note(r, `Showing the ${rows.length} most overdue of ${total} tasks.`, 'reportWords.showingMostOverdue', {
        shown: rows.length,
        total,
      });
    }
    return this.result(ReportKind.OVERDUE_WORK, r, null, LIVE, [overdueTasksTable(rows, r.names)]);
  }

  async overdueTrendReport(user: AuthenticatedUser, query: ReportScopeQueryDto): Promise<ReportResult> {
    const r = await this.resolve(user, ReportKind.OVERDUE_TREND, query);
    const weekEnds = recentWeekEnds(r.now);
    const [snapshots, groups] = await Promise.all([
      this.snapshots.read(r.scope, weekEnds),
      this.overdueWork.groups(r.scope, r.now, r.today),
    ]);
    const live = new Map<string, { prisonCode: string; overdue: number; atRisk: number }>();
    for (const g of groups) {
      if (g.prisonCode === null) continue;
      const entry = live.get(g.prisonCode) ?? { prisonCode: g.prisonCode, overdue: 0, atRisk: 0 };
      if (g.overdue) entry.overdue += g.count;
      else entry.atRisk += g.count;
      live.set(g.prisonCode, entry);
    }
    const taken = new Set(snapshots.map((s) => s.takenAt.getTime()));
    const missing = weekEnds.filter((w) => !taken.has(w.getTime())).length;
    if (missing > 0)
      note(
        r,
        `${missing} of the last ${weekEnds.length} weeks have no figures yet: the worker takes them.`,
        'reportWords.weeksWithoutFigures',
        { missing, weeks: weekEnds.length },
      );
    return this.result(
      ReportKind.OVERDUE_TREND,
      r,
      null,
      WEEKLY,
      overdueTrendTables(
        snapshots,
        [...live.values()].sort((a, b) => a.prisonCode.localeCompare(b.prisonCode)),
        r.now,
        r.names,
      ),
    );
  }

  async releaseReadinessReport(user: AuthenticatedUser, query: ReportScopeQueryDto): Promise<ReportResult> {
    const r = await this.resolve(user, ReportKind.RELEASE_READINESS, query);
    const to = addCalendarDays(r.today, RELEASE_READINESS_DAYS);
    const rows = await this.readiness.releasing(r.scope, r.today, to, r.now);
    return this.result(
      ReportKind.RELEASE_READINESS,
      r,
      { from: r.today, to },
      LIVE,
      releaseReadinessTables(rows, r.today, r.names),
    );
  }

  async providerAccountabilityReport(user: AuthenticatedUser, query: ReportPeriodQueryDto): Promise<ReportResult> {
    const r = await this.resolve(user, ReportKind.PROVIDER_ACCOUNTABILITY, query);
    const period = this.period(query, r.today);
    const { rows, reasons, reasonCodes } = await this.referralReports.providerAccountability(r.scope, period, r.now);
    note(
      r,
      'Days are calendar days between the first status changes; deadlines are the stage tasks’ own.',
      'reportWords.calendarDays',
    );
    return this.result(
      ReportKind.PROVIDER_ACCOUNTABILITY,
      r,
      period,
      LIVE,
      providerAccountabilityTables(rows, reasons, reasonCodes, r.names),
    );
  }

  async referralTimelinessReport(user: AuthenticatedUser, query: ReportPeriodQueryDto): Promise<ReportResult> {
    const r = await this.resolve(user, ReportKind.REFERRAL_TIMELINESS, query);
    const period = this.period(query, r.today);
    const rows = await this.referralReports.timeliness(r.scope, period);
    return this.result(ReportKind.REFERRAL_TIMELINESS, r, period, LIVE, referralTimelinessTables(rows));
  }

  async accommodationReport(user: AuthenticatedUser, query: ReportPeriodQueryDto): Promise<ReportResult> {
    const r = await this.resolve(user, ReportKind.ACCOMMODATION_OUTCOMES, query);
    const period = this.period(query, r.today);
    const rows = await this.outcomes.accommodation(r.scope, period, r.today);
    note(
      r,
      'Releases in the period. 12-week rates count only releases whose 12 weeks have passed (or that ended in recall).',
      'reportWords.releasesInPeriod',
    );
    return this.result(ReportKind.ACCOMMODATION_OUTCOMES, r, period, LIVE, accommodationTables(rows, r.names));
  }

  async alertsReport(user: AuthenticatedUser, query: ReportPeriodQueryDto): Promise<ReportResult> {
    const r = await this.resolve(user, ReportKind.ALERTS, query);
    const period = this.period(query, r.today);
    const { totals, byPrison } = await this.alertReports.alerts(r.scope, period);
    return this.result(ReportKind.ALERTS, r, period, LIVE, alertTables(totals, byPrison, r.names));
  }

  async keyworkReport(user: AuthenticatedUser, query: ReportPeriodQueryDto): Promise<ReportResult> {
    const r = await this.resolve(user, ReportKind.KEYWORK, query);
    const period = this.period(query, r.today);
    const [women, sessions] = await Promise.all([
      this.keyworkReports.women(r.scope, period),
      this.keyworkReports.sessions(r.scope, period),
    ]);
    note(
      r,
      'Sessions count where they were recorded in the period; women in custody and overdue keywork are as of now, ' +
        'each against her own target (a session a week unless one was set).',
      'reportWords.keyworkSessions',
    );
    return this.result(ReportKind.KEYWORK, r, period, LIVE, keyworkTables(women, sessions, r.now, r.names));
  }

  /** Records that the user read (or exported) the report: which, for which prisons, which period. */
  async recordAccess(
    user: AuthenticatedUser,
    result: ReportResult,
    exportedTable: string | null,
    requestId: string | null,
  ): Promise<void> {
    await this.unitOfWork.run((tx) =>
      this.audit.append(tx, [
        {
          womanId: null,
          entityType: 'REPORT',
          entityId: result.report,
          action: exportedTable === null ? 'VIEWED' : 'EXPORTED',
          actorId: user.id,
          actorRole: user.role,
          before: null,
          after: {
            scope: result.scope.label,
            prisonCodes: result.scope.prisonCodes,
            period: result.period,
            table: exportedTable,
          },
          requestId,
        },
      ]),
    );
  }

  private async resolve(user: AuthenticatedUser, kind: ReportKind, query: ReportScopeQueryDto): Promise<Resolved> {
    const [prisons, areas, providers] = await Promise.all([
      this.reference.listPrisons(),
      this.reference.listReleaseAreas(),
      this.reference.listProviders(),
    ]);
    const verdict = resolveReportScope(
      { role: user.role, prisonCodes: user.prisonCodes, providerId: user.providerId },
      kind,
      { prisonCode: query.prison, regionCode: query.region },
      (region) => prisons.filter((p) => p.regionCode === region).map((p) => p.code),
    );
    if (!verdict.ok) {
      if (verdict.status === 400) throw fieldError(verdict.field ?? 'region', verdict.message);
      throw new ForbiddenException(verdict.message);
    }
    if (query.prison !== undefined && !prisons.some((p) => p.code === query.prison)) {
      throw fieldError('prison', `'${query.prison}' is not a prison`);
    }
    const prisonName = new Map(prisons.map((p) => [p.code, p.name]));
    const areaName = new Map(areas.map((a) => [a.code, a.name]));
    const providerName = new Map(providers.map((p) => [p.id, p.name]));
    const names: ReportNames = {
      prison: (code) => (code === null ? UNKNOWN_PRISON : (prisonName.get(code) ?? code)),
      provider: (id) => (id === null ? NO_PROVIDER : (providerName.get(id) ?? id)),
      team: (ownerRole, key) => {
        if (key === null) return NO_TEAM;
        if (ownerRole === 'COM') return areaName.get(key) ?? key;
        if (ownerRole === 'CRS_CASEWORKER') return providerName.get(key) ?? key;
        return prisonName.get(key) ?? key;
      },
    };
    // The visibility policy decides: a provider's figures count her own sent referrals (which she sees whole);
    // every other report counts tasks, alerts and referrals as the reader's task visibility allows.
    const hidden = [
      ...(verdict.scope.providerId !== null
        ? referralListFilterFor(user).hiddenPathways
        : taskVisibilityFor(user.role).hiddenPathways),
    ];
    const notes = hidden.length > 0 ? [SPECIAL_CATEGORY_NOTE] : [];
    const noteWords: ReportWords[] = hidden.length > 0 ? [{ key: 'reportWords.specialCategory' }] : [];
    const now = this.clock.now();
    return {
      scope: { prisonCodes: verdict.scope.prisonCodes, providerId: verdict.scope.providerId, hiddenPathways: hidden },
      label: verdict.scope.label,
      names,
      now,
      today: this.clock.today(),
      notes,
      noteWords,
    };
  }

  private period(query: ReportPeriodQueryDto, today: string): ReportPeriod {
    const to = query.to ?? today;
    const from = query.from ?? addCalendarDays(to, -DEFAULT_REPORT_PERIOD_DAYS);
    if (daysBetween(from, to) < 0) throw fieldError('from', 'from must be on or before to');
    if (daysBetween(from, to) > MAX_REPORT_PERIOD_DAYS) {
      throw fieldError('from', `A period can cover at most ${MAX_REPORT_PERIOD_DAYS} days`);
    }
    return { from, to };
  }

  /** After the report's reads: which server answered them and how far behind the primary it was. */
  private async result(
    kind: ReportKind,
    r: Resolved,
    period: ReportPeriod | null,
    freshness: string,
    tables: ReportTable[],
  ): Promise<ReportResult> {
    const readFrom = await this.reads.source();
    return {
      report: kind,
      title: TITLES[kind],
      scope: { label: r.label, words: scopeWords(r.label), prisonCodes: r.scope.prisonCodes },
      period,
      generatedAt: r.now.toISOString(),
      freshness,
      freshnessWords: FRESHNESS_WORDS[freshness] ?? { key: 'reportWords.LIVE' },
      readFrom,
      notes:
        readFrom.server === 'replica'
          ? [...r.notes, `Read from the reporting replica, ${readFrom.behindSeconds} s behind the live records.`]
          : r.notes,
      noteWords:
        readFrom.server === 'replica'
          ? [...r.noteWords, { key: 'reportWords.replica', values: { seconds: readFrom.behindSeconds } }]
          : r.noteWords,
      tables: tables.map(withCellWords),
    };
  }
}
