/**
 * What a GOV.UK Notify message about Resettle's work may say, and how Notify's answers are judged. Pure rules:
 * no I/O, no Nest.
 *
 * A message leaves the secure system (an inbox, a phone's lock screen), so it names the task and links back, and
 * never carries the content: no woman's name, initials or prison number, and no special category data. Tasks on
 * the special category pathways (UK GDPR art. 9; Data Protection Act 2018 s.10 and Sch. 1: health, domestic abuse,
 * sex work; SENSITIVE_PATHWAYS in visibility-policy.ts) are named by a neutral label, because their titles say
 * what the support is for.
 *
 * Retries follow Notify's API documentation (https://docs.notifications.service.gov.uk/node.html#error-codes):
 * 429 (RateLimitError, TooManyRequestsError) and 500 (Exception) are worth retrying later; 400 and 403 (bad
 * request, bad or revoked key, wrong template, trial-mode recipient) will fail the same way again.
 */
import { AlertKind } from './alerts';
import { Pathway } from './pathways';
import { SENSITIVE_PATHWAYS } from './visibility-policy';

export const NOTIFY_CHANNELS = ['email', 'sms'] as const;
export type NotifyChannel = (typeof NOTIFY_CHANNELS)[number];

/** Which message it is; each has one Notify template per channel, set in configuration. */
export const NOTIFY_TEMPLATE_KEYS = ['escalation', 'task-alert', 'digest', 'session-concern'] as const;
export type NotifyTemplateKey = (typeof NOTIFY_TEMPLATE_KEYS)[number];

/** The label a task on a special category pathway goes by outside the system. */
export const NEUTRAL_TASK_LABEL = 'A resettlement task';

const ALERT_WORDS: Record<AlertKind, string> = {
  [AlertKind.AT_RISK]: 'at risk of missing its deadline',
  [AlertKind.OVERDUE]: 'overdue',
  [AlertKind.ESCALATED]: 'escalated to you',
};

export interface AlertMessageFacts {
  taskTitle: string;
  pathway: Pathway;
  kind: AlertKind;
}

/** Personalisation is what Notify fills the template's ((placeholders)) with. Strings only. */
export type Personalisation = Record<string, string>;

/** The task's name or, on a special category pathway, the neutral label. */
export function taskLabel(facts: Pick<AlertMessageFacts, 'taskTitle' | 'pathway'>): string {
  return SENSITIVE_PATHWAYS.includes(facts.pathway) ? NEUTRAL_TASK_LABEL : facts.taskTitle;
}

/** An alert's message: the task's label and what happened (the sender adds the link to sign in: withLink). */
export function alertPersonalisation(facts: AlertMessageFacts): Personalisation {
  return { task: taskLabel(facts), alert: ALERT_WORDS[facts.kind] };
}

/** The address of the web app, added when the message is sent (it is the deployment's, not the message's). */
export function withLink(personalisation: Personalisation, link: string): Personalisation {
  return { ...personalisation, link };
}

export interface DigestFacts {
  /** Europe/London date, YYYY-MM-DD. */
  date: string;
  overdue: number;
  atRisk: number;
}

/** A manager's morning digest: counts only. */
export function digestPersonalisation(facts: DigestFacts): Personalisation {
  return { date: facts.date, overdue: String(facts.overdue), at_risk: String(facts.atRisk) };
}

/**
 * A concern raised in a CRS session's feedback, to her COM: the referral's reference (which she can open) and
 * that a concern was raised; never the concern's words, which stay behind sign-in.
 */
export function sessionConcernPersonalisation(facts: {
  referralReference: string;
  sessionNumber: number;
}): Personalisation {
  return { referral: facts.referralReference, session: String(facts.sessionNumber) };
}

export function sessionConcernDedupeKey(sessionId: string, comId: string): string {
  return `concern:${sessionId}:${comId}`;
}

/**
 * Dedupe keys name one message; the request appends `:<channel>`, so each channel is sent once. An alert's key is
 * `alert:<alertId>:<userId>` (built in SQL by NotificationsRepository.requestForAlerts), whichever rule (escalation,
 * claimed task) chose her; a digest's is the manager's day.
 */
export function digestDedupeKey(date: string, userId: string): string {
  return `digest:${date}:${userId}`;
}

export type NotifyFailureClass = 'retry' | 'fail';

/**
 * What to do after a failed request: an HTTP status of 429 or 5xx, or no answer at all (a timeout, a dropped
 * connection), is tried again later; any other status will not get better by resending.
 */
export function classifyNotifyFailure(httpStatus: number | null): NotifyFailureClass {
  if (httpStatus === null) return 'retry';
  if (httpStatus === 429 || httpStatus >= 500) return 'retry';
  return 'fail';
}

/**
 * A UK mobile number in the forms people write it (07xxx xxxxxx, +44 7xxx xxxxxx, 0044...), as +447xxxxxxxxx;
 * null for anything else. UK mobile numbers are 07 followed by nine digits (Ofcom, National Telephone
 * Numbering Plan: 07 range, mobile services 071-075 and 077-079).
 */
export function normaliseUkMobile(input: string): string | null {
  const digits = input.replace(/[\s()-]/g, '');
  const national = /^(?:\+44|0044|0)(7\d{9})$/.exec(digits)?.[1];
  if (!national || national.startsWith('76') || national.startsWith('70')) return null;
  return `+44${national}`;
}
