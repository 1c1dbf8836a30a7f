/**
 * Her open CRS referrals follow her when she moves: to another prison, or to another release area. The provider
 * that has the referral keeps it (a move of area does not hand the work over; a move out of its service area is the
 * referrer's withdrawal with code MOV), and each referral gets a transfer record with the reason, an audit row and
 * its board event, in the transaction of the move.
 */
import { Injectable } from '@nestjs/common';
import { ReferralsRepository, Tx, WomanEntity } from '@app/database';
import { ReferralTransferKind, referralTransferReason } from '@app/domain';
import { Actor } from './actor';
import { ChangeRecorder } from './change-recorder.service';

export interface ReferralMove {
  woman: WomanEntity;
  kind: ReferralTransferKind;
  fromCode: string;
  toCode: string;
  /** What the mover said, if anything; the reason always says from where to where. */
  reason?: string | null;
  actor: Actor;
}

@Injectable()
export class ReferralFollowService {
  constructor(
    private readonly referrals: ReferralsRepository,
    private readonly recorder: ChangeRecorder,
  ) {}

  /** Returns how many referrals followed her. */
  async follow(tx: Tx, move: ReferralMove): Promise<number> {
    const { woman, kind, fromCode, toCode, actor } = move;
    if (fromCode === toCode) return 0;
    const reason = referralTransferReason(kind, fromCode, toCode, move.reason);
    const open = await this.referrals.listOpenForWoman(tx, woman.id);
    for (const referral of open) {
      await this.referrals.appendTransfer(tx, {
        referralId: referral.id,
        kind,
        fromCode,
        toCode,
        providerId: referral.providerId,
        reason,
        actorId: actor.id,
        actorRole: actor.role,
      });
      await this.recorder.referralChanged(tx, {
        woman,
        referral,
        action: 'TRANSFERRED',
        before: {
          status: referral.status,
          [kind === ReferralTransferKind.PRISON ? 'prisonCode' : 'releaseAreaCode']: fromCode,
        },
        after: {
          status: referral.status,
          [kind === ReferralTransferKind.PRISON ? 'prisonCode' : 'releaseAreaCode']: toCode,
          providerId: referral.providerId,
          reason,
        },
        actor,
      });
    }
    return open.length;
  }
}
