/**
 * The morning digest: each team manager gets her team's counts of overdue and at-risk open tasks, once a day per
 * channel (the dedupe key holds the Europe/London date, so a second run that day, or a run on two workers, adds
 * nothing). Only on working days (England and Wales bank holidays: calendar.ts). Counts only, no names.
 */
import { Injectable } from '@nestjs/common';
import { NotificationsRepository, UnitOfWork } from '@app/database';
import { digestDedupeKey, digestPersonalisation, isWorkingDay, londonDateOf } from '@app/domain';
import { NotificationRequests } from './notification-requests.service';

export interface DigestRun {
  date: string;
  /** False on a weekend or bank holiday: nothing was requested. */
  workingDay: boolean;
  managers: number;
  messages: number;
}

@Injectable()
export class MorningDigest {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly notifications: NotificationsRepository,
    private readonly requests: NotificationRequests,
  ) {}

  async run(now: Date = new Date(), options: { evenIfNotWorkingDay?: boolean } = {}): Promise<DigestRun> {
    const date = londonDateOf(now);
    if (!isWorkingDay(date) && !options.evenIfNotWorkingDay) {
      return { date, workingDay: false, managers: 0, messages: 0 };
    }
    const counts = await this.notifications.teamDigestCounts(now);
    const ids = await this.unitOfWork.run(async (tx) => {
      const all: string[] = [];
      for (const team of counts) {
        const dedupeKey = digestDedupeKey(date, team.userId);
        all.push(
          ...(await this.requests.request(tx, {
            userId: team.userId,
            templateKey: 'digest',
            dedupeKey,
            personalisation: digestPersonalisation({ date, overdue: team.overdue, atRisk: team.atRisk }),
          })),
        );
      }
      return all;
    });
    await this.requests.dispatch(ids);
    return { date, workingDay: true, managers: counts.length, messages: ids.length };
  }
}
