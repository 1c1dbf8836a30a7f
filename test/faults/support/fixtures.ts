/**
 * What a case needs in the database: a connection of the test's own (plain pg, outside the apps), users signed in
 * through the API process, and women at Styal with open pre-release team tasks, made through the API.
 */
import { Pool } from 'pg';
import { hashPassword } from '@app/auth/passwords';
import { Role } from '@app/domain';
import { ApiClient } from '../../setup/api-client';
import { createWoman, recordNeeds, uniqueSuffix } from '../../factories';

export const PASSWORD = 'fault suite password';

export class FaultDb {
  private readonly pool: Pool;

  constructor(url: string) {
    this.pool = new Pool({ connectionString: url, max: 4 });
    // Case 3 restarts PostgreSQL under this pool: an idle connection's error is expected, not fatal.
    this.pool.on('error', () => undefined);
  }

  async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.pool.query(sql, params)).rows as T[];
  }

  async maxOutboxId(): Promise<number> {
    const [row] = await this.query<{ id: string | null }>('SELECT max(id)::text AS id FROM outbox_events');
    return Number(row?.id ?? 0);
  }

  async relayCursor(): Promise<number> {
    const [row] = await this.query<{ id: string }>('SELECT last_id::text AS id FROM outbox_relay_cursor WHERE id = 1');
    return Number(row?.id ?? 0);
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

export interface FaultUser {
  id: string;
  token: string;
  api: ApiClient;
}

let passwordHash: Promise<string> | null = null;

export async function signedInUser(
  db: FaultDb,
  apiUrl: string,
  role: Role,
  prisonCodes: string[] = [],
): Promise<FaultUser> {
  passwordHash ??= hashPassword(PASSWORD);
  const username = `fault-${role.toLowerCase()}-${uniqueSuffix()}`;
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO users (username, display_name, password_hash, role, prison_codes, active)
     VALUES ($1, $1, $2, $3, $4, true) RETURNING id`,
    [username, await passwordHash, role, prisonCodes],
  );
  const login = await new ApiClient(apiUrl).post<{ accessToken: string }>('/auth/login', {
    username,
    password: PASSWORD,
  });
  if (login.status !== 200) throw new Error(`login of ${username} failed with ${login.status}`);
  return { id: row.id, token: login.body.accessToken, api: new ApiClient(apiUrl, login.body.accessToken) };
}

export interface PlantedWoman {
  womanId: string;
  prisonNumber: string;
  /** Her open pre-release team tasks (the pre-release team may note them). */
  taskIds: string[];
}

/** A woman at Styal with FINANCE_AND_ID needs planned, made through the API as a pre-release team member. */
export async function plantWoman(apiUrl: string, prt: FaultUser): Promise<PlantedWoman> {
  const woman = await createWoman(apiUrl, prt.token);
  const { tasksCreated } = await recordNeeds(prt.api, woman.id, ['FINANCE_AND_ID']);
  const taskIds = tasksCreated.filter((t) => t.ownerRole === Role.PRE_RELEASE_TEAM).map((t) => t.id);
  if (taskIds.length === 0) throw new Error('no pre-release team task was planned');
  return { womanId: woman.id, prisonNumber: woman.prisonNumber, taskIds };
}

/**
 * Moves tasks' deadlines so that each has one threshold (OVERDUE: at risk = due, no escalation) at the given
 * instant, as a new deadline revision, as a deadline change does.
 */
export async function dueAt(db: FaultDb, schedule: { taskId: string; at: Date }[]): Promise<void> {
  await db.query(
    `UPDATE tasks t SET due_at = s.at, at_risk_at = s.at, escalation_ats = '{}', deadline_revision = deadline_revision + 1
       FROM unnest($1::uuid[], $2::timestamptz[]) AS s(id, at) WHERE t.id = s.id`,
    [schedule.map((s) => s.taskId), schedule.map((s) => s.at)],
  );
}
