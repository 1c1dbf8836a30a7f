/**
 * Concerns raised in a CRS session's feedback, told to her COM (hmpps-interventions-service: session feedback can
 * ask to "notify the probation practitioner"). Raising one records the domain event `session.concern_raised` in the
 * outbox, in the caller's transaction, addressed to her COM's `user:<id>` room and naming the COM in its payload.
 * The outbox relay pushes it to the COM's board; a messaging service (GOV.UK Notify) sends from the same event.
 */
import { Injectable } from '@nestjs/common';
import { DeliverySessionEntity, ReferralEntity, Tx, WomanEntity } from '@app/database';
import { ChangeRecorder } from './change-recorder.service';

export interface RaisedConcern {
  woman: WomanEntity;
  referral: ReferralEntity;
  /** The session whose feedback raised it (concernRaised set, its details recorded). */
  session: DeliverySessionEntity;
}

@Injectable()
export class SessionConcerns {
  constructor(private readonly recorder: ChangeRecorder) {}

  /** Tells her COM of the concern: the one place a session concern leaves the provider. */
  async raise(tx: Tx, concern: RaisedConcern): Promise<void> {
    if (!concern.session.concernRaised) throw new TypeError('The session raised no concern');
    await this.recorder.sessionConcernRaised(tx, concern);
  }
}
