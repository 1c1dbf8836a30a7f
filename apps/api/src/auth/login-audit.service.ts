/**
 * Writes failed sign-ins and the lockouts they start to the append-only audit trail, as entity type LOGIN with
 * the username given as the entity id: who tried (the username and the client address; the user's id when the
 * username is an active account), what happened, and when (the row's time). Never the password. Attempts
 * refused during a lockout are not written (they are logged): otherwise anyone could fill the trail at the
 * rate they can send requests, while counted failures are bounded by the per-address daily limit.
 */
import { Injectable } from '@nestjs/common';
import { AuditEntry, AuditTrailRepository, UnitOfWork } from '@app/database';
import { AuditActionOf } from '@app/domain';
import { LoginLockout } from './login-throttle.service';

export const LOGIN_ENTITY = 'LOGIN' as const;

export interface FailedSignIn {
  username: string;
  clientAddress: string;
  /** Null when no active account has the username. */
  userId: string | null;
  requestId: string | null;
}

@Injectable()
export class LoginAudit {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditTrailRepository,
  ) {}

  failed(attempt: FailedSignIn, lockouts: LoginLockout[], now: Date): Promise<void> {
    const who = { username: attempt.username, clientAddress: attempt.clientAddress, userId: attempt.userId };
    const entry = (action: AuditActionOf<typeof LOGIN_ENTITY>, after: Record<string, unknown>): AuditEntry => ({
      womanId: null,
      entityType: LOGIN_ENTITY,
      entityId: attempt.username,
      action,
      // Nobody is signed in: the actor is whoever holds the address, not the account's owner.
      actorId: null,
      actorRole: null,
      before: null,
      after: { ...who, ...after },
      requestId: attempt.requestId,
    });
    const entries = [
      entry('FAILED', { reason: attempt.userId ? 'WRONG_PASSWORD' : 'UNKNOWN_OR_INACTIVE_USERNAME' }),
      ...lockouts.map((lockout) =>
        entry('LOCKED_OUT', {
          limit: lockout.limit,
          failures: lockout.failures,
          lockedForSeconds: lockout.lockedForSeconds,
          lockedUntil: new Date(now.getTime() + lockout.lockedForSeconds * 1000).toISOString(),
        }),
      ),
    ];
    return this.unitOfWork.run((tx) => this.audit.append(tx, entries));
  }
}
