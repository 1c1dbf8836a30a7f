/**
 * When an instant's prepare job runs (deadline-jobs.ts). No imports: the benchmark's bare side compiles it on its own.
 *
 * How long before an instant its alerts are built and stored as drafts (the `prepare_<µs>` job): a national 17:00
 * is 20,000 alerts, which take seconds to build; at the instant only what still holds is copied
 * (PreparedAlertsRepository). Only the horizon asks for them, for instants with many thresholds (the worker's
 * PREPARE_MIN_THRESHOLDS): drafting a handful costs more round trips than it saves. An instant nearer than
 * PREPARE_MIN_AHEAD_MS gets no prepare job either: it is raised the usual way.
 */
export const PREPARE_LEAD_MS = 120_000;
export const PREPARE_MIN_AHEAD_MS = 3000;
