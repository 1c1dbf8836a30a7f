/** BullMQ queue names and job payloads. Names are part of the data in Redis: never rename one. */
import { AlertKind } from '@app/domain';

export const QUEUE_NAMES = {
  deadlines: 'deadlines',
  notifications: 'notifications',
} as const;

export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];

/** A deadline job: which threshold of which task, at which deadline revision. Ids only, never personal data. */
export interface DeadlineJobData {
  taskId: string;
  kind: AlertKind;
  level: number;
  deadlineRevision: number;
}

/**
 * An instant job: every threshold of every open task that falls at this instant, raised in one sweep. Microseconds
 * since the epoch, as a decimal string (PostgreSQL's precision; a JSON number would lose it).
 */
export interface InstantJobData {
  atMicros: string;
}

/** How far ahead deadline jobs are kept in Redis; beyond it PostgreSQL alone holds them. */
export const HORIZON_MS = 7 * 24 * 60 * 60 * 1000;

/** A GOV.UK Notify message to send: the notifications row's id (the job id too), never the message itself. */
export interface NotificationJobData {
  notificationId: string;
}
