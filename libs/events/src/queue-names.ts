/** BullMQ queue names. They are part of the data in Redis: never rename one. */
export const QUEUE_NAMES = {
  deadlines: 'deadlines',
} as const;

export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];
