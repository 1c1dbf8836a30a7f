/** Provider accountability and referral timeliness, as tables. */
import {
  ProviderAccountabilityRow,
  ReferralReasonCodeRow,
  ReferralReasonRow,
  ReferralTimelinessRow,
  StageTiming,
} from '@app/database';
import { percentage, reasonCodeLabel, WITHDRAWAL_REASONS, WITHDRAWAL_REASON_GROUP_LABELS } from '@app/domain';
import { codeLabel, ReportNames, roleLabel } from './report-labels';
import { Cell, column, ReportColumn, ReportTable } from './report-table';

const STAGES = [
  { key: 'firstContact', label: 'First contact' },
  { key: 'actionPlan', label: 'Action plan' },
  { key: 'approval', label: 'COM approval' },
] as const;

function stageColumns(key: string, label: string): ReportColumn[] {
  return [
    column(`${key}Reached`, `${label}: reached`),
    column(`${key}MedianDays`, `${label}: median days`),
    column(`${key}P90Days`, `${label}: 90th percentile days`),
    column(`${key}Met`, `${label}: deadline met`),
    column(`${key}Missed`, `${label}: done late`),
    column(`${key}OpenOverdue`, `${label}: open and overdue`),
    column(`${key}MetRate`, `${label}: % met`),
  ];
}

function stageCells(key: string, s: StageTiming): Record<string, Cell> {
  return {
    [`${key}Reached`]: s.reached,
    [`${key}MedianDays`]: s.medianDays,
    [`${key}P90Days`]: s.p90Days,
    [`${key}Met`]: s.met,
    [`${key}Missed`]: s.missed,
    [`${key}OpenOverdue`]: s.openOverdue,
    [`${key}MetRate`]: percentage(s.met, s.met + s.missed + s.openOverdue),
  };
}

/** The withdrawal code's group in words ("Her sentence changed"); returns have no groups of the real service's. */
function withdrawalGroupLabel(code: string | null): string | null {
  const group = WITHDRAWAL_REASONS.find((r) => r.code === code)?.group;
  return group ? WITHDRAWAL_REASON_GROUP_LABELS[group] : null;
}

export function providerAccountabilityTables(
  rows: ProviderAccountabilityRow[],
  reasons: ReferralReasonRow[],
  reasonCodes: ReferralReasonCodeRow[],
  names: ReportNames,
): ReportTable[] {
  return [
    {
      key: 'providers',
      title: 'Per provider: referrals first sent in the period',
      columns: [
        column('provider', 'CRS provider'),
        column('received', 'Referrals received'),
        ...STAGES.flatMap((s) => stageColumns(s.key, s.label)),
        column('returned', 'Returned to referrer'),
        column('withdrawn', 'Withdrawn'),
        column('ended', 'Ended'),
        column('outcomesAchieved', 'Outcomes achieved'),
        column('outcomesPartlyAchieved', 'Outcomes partly achieved'),
        column('outcomesNotAchieved', 'Outcomes not achieved'),
        column('achievedRate', '% outcomes achieved'),
      ],
      rows: rows
        .map((r) => ({
          provider: names.provider(r.providerId),
          received: r.received,
          ...stageCells('firstContact', r.firstContact),
          ...stageCells('actionPlan', r.actionPlan),
          ...stageCells('approval', r.approval),
          returned: r.returned,
          withdrawn: r.withdrawn,
          ended: r.ended,
          outcomesAchieved: r.outcomesAchieved,
          outcomesPartlyAchieved: r.outcomesPartlyAchieved,
          outcomesNotAchieved: r.outcomesNotAchieved,
          achievedRate: percentage(
            r.outcomesAchieved,
            r.outcomesAchieved + r.outcomesPartlyAchieved + r.outcomesNotAchieved,
          ),
        }))
        .sort((a, b) => String(a.provider).localeCompare(String(b.provider))),
    },
    {
      key: 'reasonCodes',
      title: 'Returns and withdrawals by reason code',
      columns: [
        column('provider', 'CRS provider'),
        column('kind', 'Returned or withdrawn'),
        column('reasonCode', 'Code'),
        column('reasonLabel', 'Reason'),
        column('reasonGroup', 'Group'),
        column('count', 'Times'),
      ],
      rows: reasonCodes
        .map((r) => ({
          provider: names.provider(r.providerId),
          kind: codeLabel(r.kind),
          reasonCode: r.reasonCode,
          reasonLabel: reasonCodeLabel(r.reasonCode) ?? '(not coded)',
          reasonGroup: r.kind === 'WITHDRAWN' ? withdrawalGroupLabel(r.reasonCode) : null,
          count: r.count,
        }))
        .sort(
          (a, b) =>
            String(a.provider).localeCompare(String(b.provider)) ||
            String(a.kind).localeCompare(String(b.kind)) ||
            b.count - a.count,
        ),
    },
    {
      key: 'reasons',
      title: 'Why referrals were returned or withdrawn',
      columns: [
        column('provider', 'CRS provider'),
        column('kind', 'Returned or withdrawn'),
        column('reason', 'Reason'),
        column('count', 'Times'),
      ],
      rows: reasons.map((r) => ({
        provider: names.provider(r.providerId),
        kind: codeLabel(r.kind),
        reason: r.reason,
        count: r.count,
      })),
    },
  ];
}

export function referralTimelinessTables(rows: ReferralTimelinessRow[]): ReportTable[] {
  return [
    {
      key: 'byReferrerRole',
      title: 'From need identified to referral sent, by who sent it',
      columns: [
        column('referrerRole', 'Sent by'),
        column('sent', 'Referrals sent'),
        column('medianDays', 'Median days'),
        column('p90Days', '90th percentile days'),
        column('withinTwoWorkingDays', 'Within 2 working days'),
        column('withinRate', '% within 2 working days'),
      ],
      rows: rows.map((r) => ({
        referrerRole: roleLabel(r.referrerRole),
        sent: r.sent,
        medianDays: r.medianDays,
        p90Days: r.p90Days,
        withinTwoWorkingDays: r.withinTwoWorkingDays,
        withinRate: percentage(r.withinTwoWorkingDays, r.sent),
      })),
    },
  ];
}
