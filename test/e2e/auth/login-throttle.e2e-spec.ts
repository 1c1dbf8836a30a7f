/**
 * Sign-in throttling across two real API processes sharing this run's Redis prefix: a username from one
 * address, a username from any address, and an address whatever the username, each answered with 429 and
 * Retry-After once its limit is reached, on either instance; an unknown username is throttled exactly like a
 * known one; a successful sign-in ends a run of failures; failures and lockouts are in the audit trail.
 * Client addresses are set per test with X-Forwarded-For, which the two processes trust from loopback
 * (TRUST_PROXY=loopback), so each test has addresses of its own.
 */
import { randomInt } from 'node:crypto';
import { Role } from '@app/domain';
import { AppProcess, startApp } from '../../setup/app-process';
import { TestApi, startTestApi } from '../../setup/test-app';
import { TestUser, createUser, uniqueSuffix } from '../../factories';

jest.setTimeout(60_000);

const LOCKOUT_SECONDS = 600;
const LIMITS = {
  TRUST_PROXY: 'loopback',
  LOGIN_MAX_FAILURES_PER_USERNAME_AND_ADDRESS: '3',
  LOGIN_MAX_FAILURES_PER_USERNAME: '5',
  LOGIN_MAX_FAILURES_PER_ADDRESS_PER_DAY: '6',
  LOGIN_LOCKOUT_SECONDS: String(LOCKOUT_SECONDS),
};
const WRONG_PASSWORD = 'not-her-password-Tr0ub4dor';

interface Answer {
  status: number;
  retryAfter: string | null;
  message: string;
}

interface AuditRow {
  action: string;
  actor_id: string | null;
  after: Record<string, unknown>;
  text: string;
}

/** An address from the documentation ranges (RFC 5737). */
function documentationAddress(): string {
  return `${randomInt(2) === 0 ? '203.0.113' : '198.51.100'}.${randomInt(1, 255)}`;
}

describe('sign-in throttling across two API instances', () => {
  let fixtures: TestApi;
  let apis: AppProcess[];
  const usedAddresses = new Set<string>();

  beforeAll(async () => {
    fixtures = await startTestApi();
    apis = await Promise.all([startApp('api', LIMITS), startApp('api', LIMITS)]);
  });

  afterAll(async () => {
    await Promise.all((apis ?? []).map((api) => api.stop()));
    await fixtures?.close();
  });

  /** An address no other test of this suite uses. */
  function address(): string {
    let candidate = documentationAddress();
    while (usedAddresses.has(candidate)) candidate = documentationAddress();
    usedAddresses.add(candidate);
    return candidate;
  }

  /** Instance 0 or 1 signs in, for a client at `from`. */
  async function signIn(instance: number, username: string, password: string, from: string): Promise<Answer> {
    const response = await fetch(`${apis[instance].url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
      body: JSON.stringify({ username, password }),
      signal: AbortSignal.timeout(15_000),
    });
    const body = (await response.json()) as { message: string };
    return { status: response.status, retryAfter: response.headers.get('retry-after'), message: body.message };
  }

  /** Wrong passwords, alternating between the two instances. */
  async function fail(times: number, username: string, from: string): Promise<Answer[]> {
    const answers: Answer[] = [];
    for (let i = 0; i < times; i += 1) answers.push(await signIn(i % 2, username, WRONG_PASSWORD, from));
    return answers;
  }

  function auditOf(username: string): Promise<AuditRow[]> {
    return fixtures.dataSource.query(
      `SELECT action, actor_id, after, after::text || coalesce(before::text, '') AS text
         FROM audit_events WHERE entity_type = 'LOGIN' AND entity_id = $1 ORDER BY id`,
      [username],
    );
  }

  function newUser(): Promise<TestUser> {
    return createUser(fixtures.dataSource, { role: Role.POM, prisonCodes: ['STI'] });
  }

  function expectLockedOut(answer: Answer): void {
    expect(answer.status).toBe(429);
    const seconds = Number(answer.retryAfter);
    expect(Number.isInteger(seconds)).toBe(true);
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(LOCKOUT_SECONDS);
    expect(answer.message).toMatch(/^Too many failed sign-in attempts\. Try again in \d+ (second|minute|hour)s?\.$/);
  }

  it('locks a username out from one address after 3 failures in a row, on both instances, and audits it', async () => {
    const pom = await newUser();
    const from = address();

    const answers = await fail(3, pom.username, from);
    // Then the right password, on the other instance: still refused, unchecked.
    const withRightPassword = await signIn(1, pom.username, pom.password, from);

    expect(answers.slice(0, 2).map((a) => a.status)).toEqual([401, 401]);
    expectLockedOut(answers[2]);
    expect(answers[2].message).toBe(`Too many failed sign-in attempts. Try again in 10 minutes.`);
    expectLockedOut(withRightPassword);
    // The pair is locked, not the account: she signs in from her own desk.
    expect((await signIn(0, pom.username, pom.password, address())).status).toBe(200);
    expectLockedOut(await signIn(0, pom.username, pom.password, from));

    const audit = await auditOf(pom.username);
    expect(audit.map((row) => row.action)).toEqual(['FAILED', 'FAILED', 'FAILED', 'LOCKED_OUT']);
    for (const row of audit) {
      expect(row.actor_id).toBeNull();
      expect(row.after).toMatchObject({ username: pom.username, clientAddress: from, userId: pom.id });
      expect(row.text).not.toContain(WRONG_PASSWORD);
      expect(row.text).not.toContain(pom.password);
    }
    expect(audit[0].after).toMatchObject({ reason: 'WRONG_PASSWORD' });
    expect(audit[3].after).toMatchObject({
      limit: 'USERNAME_AND_ADDRESS',
      failures: 3,
      lockedForSeconds: LOCKOUT_SECONDS,
    });
    expect(Date.parse(String(audit[3].after.lockedUntil))).toBeGreaterThan(Date.now());
  });

  it('throttles an unknown username exactly as it throttles a real one, and audits it', async () => {
    const pom = await newUser();
    const nobody = `nobody-${uniqueSuffix()}`;
    const [known, unknown] = await Promise.all([fail(3, pom.username, address()), fail(3, nobody, address())]);

    expect(unknown.map((a) => a.status)).toEqual(known.map((a) => a.status));
    expect(unknown.map((a) => a.message)).toEqual(known.map((a) => a.message));
    expectLockedOut(unknown[2]);

    const audit = await auditOf(nobody);
    expect(audit.map((row) => row.action)).toEqual(['FAILED', 'FAILED', 'FAILED', 'LOCKED_OUT']);
    expect(audit[0].after).toMatchObject({ username: nobody, userId: null, reason: 'UNKNOWN_OR_INACTIVE_USERNAME' });
    expect(audit[3].after).toMatchObject({ limit: 'USERNAME_AND_ADDRESS', userId: null });
  });

  it('ends a run of failures when she signs in', async () => {
    const pom = await newUser();
    const from = address();

    const before = await fail(2, pom.username, from);
    const success = await signIn(0, pom.username, pom.password, from);
    const after = await fail(3, pom.username, from);

    expect(before.map((a) => a.status)).toEqual([401, 401]);
    expect(success.status).toBe(200);
    // Counting starts again from nothing: two more failures are allowed before the third locks her out.
    expect(after.slice(0, 2).map((a) => a.status)).toEqual([401, 401]);
    expectLockedOut(after[2]);
  });

  it('locks a username out after 5 failures spread over several addresses', async () => {
    const pom = await newUser();
    const answers = [
      ...(await fail(2, pom.username, address())),
      ...(await fail(2, pom.username, address())),
      ...(await fail(1, pom.username, address())),
    ];

    expect(answers.slice(0, 4).map((a) => a.status)).toEqual([401, 401, 401, 401]);
    expectLockedOut(answers[4]);
    expectLockedOut(await signIn(1, pom.username, pom.password, address()));
    const lockouts = (await auditOf(pom.username)).filter((row) => row.action === 'LOCKED_OUT');
    expect(lockouts.map((row) => row.after.limit)).toEqual(['USERNAME']);
  });

  it('refuses an address for the day after 6 failures, whatever the usernames', async () => {
    const pom = await newUser();
    const from = address();
    const sprayed = Array.from({ length: 6 }, () => `spray-${uniqueSuffix()}`);
    const answers: Answer[] = [];
    for (const [i, username] of sprayed.entries()) answers.push(await signIn(i % 2, username, WRONG_PASSWORD, from));

    expect(answers.slice(0, 5).map((a) => a.status)).toEqual([401, 401, 401, 401, 401]);
    expect(answers[5].status).toBe(429);
    const refusedRightPassword = await signIn(0, pom.username, pom.password, from);
    expect(refusedRightPassword.status).toBe(429);
    // Until the day's window ends: the wait is longer than a lockout, and at most a day.
    expect(Number(refusedRightPassword.retryAfter)).toBeGreaterThan(LOCKOUT_SECONDS);
    expect(Number(refusedRightPassword.retryAfter)).toBeLessThanOrEqual(86_400);
    expect((await signIn(1, pom.username, pom.password, address())).status).toBe(200);
    const lockout = (await auditOf(sprayed[5])).find((row) => row.action === 'LOCKED_OUT');
    expect(lockout?.after).toMatchObject({ limit: 'ADDRESS', clientAddress: from, failures: 6 });
  });

  it('ignores X-Forwarded-For when no proxy is trusted, so a forged one buys no fresh allowance', async () => {
    const pom = await newUser();
    const statuses: number[] = [];
    // The deployed default: 10 failures in a row for one username from one address.
    for (let i = 0; i < 10; i += 1) {
      const response = await fetch(`${fixtures.baseUrl}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': address() },
        body: JSON.stringify({ username: pom.username, password: WRONG_PASSWORD }),
      });
      statuses.push(response.status);
    }

    expect(statuses).toEqual([...Array<number>(9).fill(401), 429]);
    const lockout = (await auditOf(pom.username)).find((row) => row.action === 'LOCKED_OUT');
    expect(lockout?.after).toMatchObject({ limit: 'USERNAME_AND_ADDRESS', clientAddress: '127.0.0.1' });
  });
});
