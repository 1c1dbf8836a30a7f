/**
 * One users row per person, whichever way she signs in: links an OpenID Connect issuer's subject to a users row,
 * provisions it on her first sign-in from the mapped claims, brings her role and scope up to date on every
 * sign-in and refresh, withdraws it when the issuer refuses her refresh (she was removed or disabled there), and
 * records each of these in the audit trail. A mapping that yields no role refuses the sign-in (403, saying why).
 */
import {
  ForbiddenException,
  Inject,
  Injectable,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import {
  AuditTrailRepository,
  ExternalIdentitiesRepository,
  ReferenceDataRepository,
  Tx,
  UnitOfWork,
  UserEntity,
  UsersRepository,
} from '@app/database';
import { Role } from '@app/domain';
import type { IssuerSignIn } from '@app/contracts';
import { AUTH_SETTINGS, AuthSettings } from './auth.config';
import { fetchCaseloads } from './caseloads';
import { ClaimMapping, MappedIdentity, mapClaims } from './claim-mapping';
import { IssuerClaims } from './issuer-tokens.service';

/** Never a bcrypt hash (those are 60 characters from $2): no password signs in to an account made this way. */
export const NO_LOCAL_PASSWORD = '!external';

/** The audit trail's actor for changes the issuer's claims made. */
const ISSUER_ACTOR_ROLE = 'IDENTITY_PROVIDER';

type AccessFields = Pick<
  UserEntity,
  'displayName' | 'role' | 'isManager' | 'prisonCodes' | 'providerId' | 'regionCode' | 'teamKey' | 'active'
>;

function accessFields(u: AccessFields): AccessFields {
  return {
    displayName: u.displayName,
    role: u.role,
    isManager: u.isManager,
    prisonCodes: u.prisonCodes,
    providerId: u.providerId,
    regionCode: u.regionCode,
    teamKey: u.teamKey,
    active: u.active,
  };
}

export type IssuerSignInStanding = 'holds' | 'signed-out' | 'suspended';

/**
 * Whether a token (`iat`, whole seconds) was issued before her sign-out. One issued in the same second counts as
 * before: a tab that signed in just as she signed out in another must end too (found by the browser test, where
 * the two fell in one second), and a fresh sign-in takes longer than that.
 */
export function issuedBeforeSignOut(issuedAt: number, signedOutAt: Date | null): boolean {
  return signedOutAt !== null && issuedAt <= Math.floor(signedOutAt.getTime() / 1000);
}

@Injectable()
export class ExternalIdentities {
  constructor(
    @Inject(AUTH_SETTINGS) private readonly settings: AuthSettings,
    private readonly identities: ExternalIdentitiesRepository,
    private readonly users: UsersRepository,
    private readonly reference: ReferenceDataRepository,
    private readonly audit: AuditTrailRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /**
   * The users row an issuer token stands for, as every request sees it: the linked row while it is active and
   * the token was issued after her last sign-out; a subject never seen before is provisioned from the token.
   */
  async userFor(claims: IssuerClaims, accessToken: string): Promise<UserEntity> {
    const link = await this.identities.find(claims.iss, claims.sub);
    if (!link) return this.signIn(claims, null, accessToken);
    if (link.suspendedAt) throw new UnauthorizedException('The identity provider no longer lets this account sign in');
    if (issuedBeforeSignOut(claims.iat ?? 0, link.signedOutAt)) {
      throw new UnauthorizedException('This sign-in has ended: sign in again');
    }
    const user = await this.users.findActiveById(link.userId);
    if (!user) throw new UnauthorizedException('This account is no longer active');
    return user;
  }

  /**
   * Whether an issuer's sign-in still holds: `suspended` when the issuer has refused her since, `signed-out` when
   * she signed out after the token was issued (the same rule userFor applies to each request).
   */
  async standing({ issuer, subject, issuedAt }: IssuerSignIn): Promise<IssuerSignInStanding> {
    const link = await this.identities.find(issuer, subject);
    if (!link) return 'signed-out';
    if (link.suspendedAt) return 'suspended';
    if (issuedBeforeSignOut(issuedAt, link.signedOutAt)) return 'signed-out';
    return 'holds';
  }

  /**
   * A sign-in or refresh at the issuer: links or provisions her row and sets her role and scope from the claims,
   * her caseloads read from the mapping's `caseloadsUrl` with her `accessToken` when the token carries none.
   */
  async signIn(claims: IssuerClaims, requestId: string | null, accessToken: string | null): Promise<UserEntity> {
    const mapping = this.settings.oidc?.mapping;
    if (!mapping) throw new UnauthorizedException('Single sign-on is not configured');
    const mapped = mapClaims(mapping, await this.withCaseloads(mapping, claims, accessToken));
    if ('refusal' in mapped) throw new ForbiddenException(`Resettle cannot sign you in: ${mapped.refusal}`);
    const identity = await this.withRegionPrisons(mapped.identity);
    return this.unitOfWork.run(async (tx) => {
      const link = await this.identities.findForUpdate(tx, claims.iss, claims.sub);
      if (!link) return this.provision(tx, claims, identity, requestId);
      const user = await this.users.findByIdForUpdate(tx, link.userId);
      if (!user) throw new UnauthorizedException('This account no longer exists');
      // Withdrawn in Resettle by an administrator stays withdrawn; withdrawn because the issuer refused her is
      // lifted by this sign-in, which the issuer has just allowed.
      if (!user.active && !link.suspendedAt) throw new UnauthorizedException('This account is no longer active');
      const before = accessFields(user);
      Object.assign(user, { ...identity, username: user.username, active: true });
      const after = accessFields(user);
      if (JSON.stringify(before) !== JSON.stringify(after)) {
        await this.users.save(tx, user);
        await this.audit.append(tx, [this.accessChanged(user.id, before, after, requestId)]);
      }
      await this.identities.save(tx, { ...link, suspendedAt: null, lastSignedInAt: new Date() });
      return user;
    });
  }

  /** The issuer refused her refresh token: her row is withdrawn (the gateway closes her sockets) until she signs in. */
  async suspend(issuer: string, subject: string, requestId: string | null): Promise<void> {
    await this.unitOfWork.run(async (tx) => {
      const link = await this.identities.findForUpdate(tx, issuer, subject);
      if (!link || link.suspendedAt) return;
      const user = await this.users.findByIdForUpdate(tx, link.userId);
      if (!user?.active) return;
      const before = accessFields(user);
      user.active = false;
      await this.users.save(tx, user);
      await this.identities.save(tx, { ...link, suspendedAt: new Date() });
      await this.audit.append(tx, [this.accessChanged(user.id, before, accessFields(user), requestId)]);
    });
  }

  /** She signed out: the issuer's tokens issued before now are refused from now on. */
  async signOut(issuer: string, subject: string): Promise<void> {
    await this.unitOfWork.run(async (tx) => {
      const link = await this.identities.findForUpdate(tx, issuer, subject);
      if (link) await this.identities.save(tx, { ...link, signedOutAt: new Date() });
    });
  }

  private async withCaseloads(
    mapping: ClaimMapping,
    claims: IssuerClaims,
    accessToken: string | null,
  ): Promise<IssuerClaims> {
    if (!mapping.caseloadsUrl || claims[mapping.claims.prisonCodes] !== undefined || !accessToken) return claims;
    try {
      return { ...claims, [mapping.claims.prisonCodes]: await fetchCaseloads(mapping.caseloadsUrl, accessToken) };
    } catch (error) {
      throw new ServiceUnavailableException(`Her caseloads could not be read: ${(error as Error).message}`);
    }
  }

  private async provision(
    tx: Tx,
    claims: IssuerClaims,
    identity: MappedIdentity,
    requestId: string | null,
  ): Promise<UserEntity> {
    if (await this.users.findByUsername(tx, identity.username)) {
      throw new ForbiddenException(
        `Resettle cannot sign you in: a Resettle account named ${identity.username} already exists and is not linked ` +
          `to your organisation's account (an administrator can set a usernamePrefix in the claim mapping)`,
      );
    }
    const user = await this.users.insert(tx, { ...identity, passwordHash: NO_LOCAL_PASSWORD, active: true });
    await this.identities.save(tx, {
      issuer: claims.iss,
      subject: claims.sub,
      userId: user.id,
      lastSignedInAt: new Date(),
    });
    await this.audit.append(tx, [
      {
        womanId: null,
        entityType: 'USER',
        entityId: user.id,
        action: 'CREATED',
        actorId: null,
        actorRole: ISSUER_ACTOR_ROLE,
        before: null,
        after: { ...accessFields(user), username: user.username, issuer: claims.iss, subject: claims.sub },
        requestId,
      },
    ]);
    return user;
  }

  private accessChanged(userId: string, before: AccessFields, after: AccessFields, requestId: string | null) {
    return {
      womanId: null,
      entityType: 'USER' as const,
      entityId: userId,
      action: 'ACCESS_CHANGED' as const,
      actorId: null,
      actorRole: ISSUER_ACTOR_ROLE,
      before: { ...before },
      after: { ...after },
      requestId,
    };
  }

  /** A regional manager oversees her region's prisons, as an administrator's change sets them. */
  private async withRegionPrisons(identity: MappedIdentity): Promise<MappedIdentity> {
    if (identity.role !== Role.REGIONAL_MANAGER || !identity.regionCode) return identity;
    return { ...identity, prisonCodes: await this.reference.prisonsOfRegion(identity.regionCode) };
  }
}
