/** Writes the demo CRS providers (with their release areas) and the demo staff accounts. */
import { Injectable } from '@nestjs/common';
import {
  AuditEntry,
  AuditTrailRepository,
  ReferenceDataRepository,
  Tx,
  UserEntity,
  UsersRepository,
} from '@app/database';
import { hashPassword } from '@app/auth';
import { Actor } from '@app/resettlement';
import { DEMO_PROVIDERS, demoProbationPhone, demoProviderForArea, demoProviderPhone } from './demo-providers';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users';

export interface DemoStaff {
  providerIdByArea: ReadonlyMap<string, string>;
  usersByUsername: ReadonlyMap<string, UserEntity>;
}

/** The seeded account with that username; a missing one is a bug in the demo data, not a user error. */
export function staffMember(staff: DemoStaff, username: string): UserEntity {
  const user = staff.usersByUsername.get(username);
  if (!user) {
    throw new Error(`The demo data refers to a user '${username}' that the seed did not create`);
  }
  return user;
}

@Injectable()
export class DemoStaffWriter {
  constructor(
    private readonly reference: ReferenceDataRepository,
    private readonly users: UsersRepository,
    private readonly audit: AuditTrailRepository,
  ) {}

  async write(tx: Tx, actor: Actor): Promise<DemoStaff> {
    const providerIdByArea = new Map<string, string>();
    const providerIdByName = new Map<string, string>();
    const entries: AuditEntry[] = [];

    let areaIndex = 0;
    for (const [index, demo] of DEMO_PROVIDERS.entries()) {
      const provider = await this.reference.insertProvider(tx, {
        name: demo.name,
        contractSuffix: demo.contractSuffix,
        allowsDirectReferral: demo.allowsDirectReferral,
        phone: demoProviderPhone(index),
      });
      for (const areaCode of demo.releaseAreaCodes) {
        await this.reference.assignAreaToProvider(tx, areaCode, provider.id);
        await this.reference.setProbationPhone(tx, areaCode, demoProbationPhone(areaIndex++));
        providerIdByArea.set(areaCode, provider.id);
      }
      providerIdByName.set(demo.name, provider.id);
      entries.push(
        auditEntry(actor, 'PROVIDER', provider.id, {
          name: provider.name,
          contractSuffix: provider.contractSuffix,
          allowsDirectReferral: provider.allowsDirectReferral,
          releaseAreaCodes: [...demo.releaseAreaCodes],
        }),
      );
    }

    // One hash for all: the accounts share a published password, and bcrypt is the slowest step of the seed.
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const usersByUsername = new Map<string, UserEntity>();
    for (const demo of DEMO_USERS) {
      const providerId = demo.providerOfArea
        ? (providerIdByName.get(demoProviderForArea(demo.providerOfArea).name) ?? null)
        : null;
      const user = await this.users.insert(tx, {
        username: demo.username,
        displayName: demo.displayName,
        passwordHash,
        role: demo.role,
        prisonCodes: [...demo.prisonCodes],
        providerId,
        teamKey: demo.teamArea ?? providerId ?? demo.prisonCodes[0] ?? null,
        isManager: demo.isManager ?? false,
        regionCode: demo.regionCode ?? null,
      });
      usersByUsername.set(user.username, user);
      entries.push(
        auditEntry(actor, 'USER', user.id, {
          username: user.username,
          displayName: user.displayName,
          role: user.role,
          prisonCodes: user.prisonCodes,
          providerId: user.providerId,
          teamKey: user.teamKey,
          isManager: user.isManager,
        }),
      );
    }

    await this.audit.append(tx, entries);
    return { providerIdByArea, usersByUsername };
  }
}

function auditEntry(
  actor: Actor,
  entityType: 'PROVIDER' | 'USER',
  entityId: string,
  after: Record<string, unknown>,
): AuditEntry {
  return {
    womanId: null,
    entityType,
    entityId,
    action: 'CREATED',
    actorId: actor.id,
    actorRole: actor.role,
    before: null,
    after,
    requestId: actor.requestId,
  };
}
