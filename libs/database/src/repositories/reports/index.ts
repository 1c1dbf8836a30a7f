export * from './report-sql';
export * from './overdue-work.repository';
export * from './overdue-snapshots.repository';
export * from './release-readiness.repository';
export * from './referral-reports.repository';
export * from './outcome-reports.repository';
export * from './alert-reports.repository';
export * from './keywork-reports.repository';
