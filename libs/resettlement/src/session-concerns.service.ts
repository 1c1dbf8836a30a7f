/**
 * Concerns raised in a CRS session's feedback, told to her COM (hmpps-interventions-service: session feedback can
 * ask to "notify the probation practitioner"). Raising one records the domain event `session.concern_raised` in the
 * outbox, in the caller's transaction, addressed to her COM's `user:<id>` room and naming the COM in its payload.
 * The outbox relay pushes it to the COM's board; and in the same transaction a GOV.UK Notify message is requested
 * for her (NotificationRequests: e-mail or text as she chose, the referral's reference and the session's number,
 * never the concern's words), so she hears of it when she is not looking at the board. A woman with no COM yet has
 * the event on her prison's board and no message.
 */
import { Injectable } from '@nestjs/common';
import { DeliverySessionEntity, ReferralEntity, Tx, WomanEntity } from '@app/database';
import { sessionConcernDedupeKey, sessionConcernPersonalisation } from '@app/domain';
import { ChangeRecorder } from './change-recorder.service';
import { NotificationRequests } from './notification-requests.service';

export interface RaisedConcern {
  woman: WomanEntity;
  referral: ReferralEntity;
  /** The session whose feedback raised it (concernRaised set, its details recorded). */
  session: DeliverySessionEntity;
}

@Injectable()
export class SessionConcerns {
  constructor(
    private readonly recorder: ChangeRecorder,
    private readonly messages: NotificationRequests,
  ) {}

  /**
   * Tells her COM of the concern: the one place a session concern leaves the provider. Returns the ids of the
   * messages requested, for the caller to `dispatch` after its commit (the sweeper sends them if it does not).
   */
  async raise(tx: Tx, concern: RaisedConcern): Promise<string[]> {
    if (!concern.session.concernRaised) throw new TypeError('The session raised no concern');
    await this.recorder.sessionConcernRaised(tx, concern);
    const comId = concern.woman.comId;
    if (!comId) return [];
    return this.messages.request(tx, {
      userId: comId,
      templateKey: 'session-concern',
      dedupeKey: sessionConcernDedupeKey(concern.session.id, comId),
      personalisation: sessionConcernPersonalisation({
        referralReference: concern.referral.reference,
        sessionNumber: concern.session.number,
      }),
    });
  }

  /** After the commit: queue the messages `raise` requested. */
  dispatch(ids: string[]): Promise<void> {
    return this.messages.dispatch(ids);
  }
}
