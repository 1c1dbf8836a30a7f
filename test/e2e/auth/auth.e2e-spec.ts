/** Signing in, bearer tokens, withdrawn accounts and the health probes, over real HTTP. */
import { createHmac } from 'node:crypto';
import { Role } from '@app/domain';
import { ApiClient, ErrorBody } from '../../setup/api-client';
import { TestApi, startTestApi } from '../../setup/test-app';
import { TEST_PASSWORD, TestUser, createUser, login, uniqueSuffix } from '../../factories';

interface LoginBody {
  accessToken: string;
  tokenType: string;
  user: { id: string; username: string; role: Role; prisonCodes: string[] };
}

async function millisecondsFor(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** A well-formed HS256 token for a real user, signed with a secret the API does not hold. */
function forgedToken(userId: string): string {
  const encode = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ sub: userId, role: 'ADMIN', name: 'Forger', iat: now, exp: now + 600 })}`;
  const signature = createHmac('sha256', 'not-the-secret-of-this-run-not-the-secret')
    .update(unsigned)
    .digest('base64url');
  return `${unsigned}.${signature}`;
}

describe('auth', () => {
  let testApi: TestApi;
  let anonymous: ApiClient;
  let pom: TestUser;

  beforeAll(async () => {
    testApi = await startTestApi();
    anonymous = new ApiClient(testApi.baseUrl);
    pom = await createUser(testApi.dataSource, { role: Role.POM, prisonCodes: ['STI'] });
  });

  afterAll(async () => {
    await testApi?.close();
  });

  it('signs a user in with her password and the token then identifies her on /auth/me', async () => {
    const response = await anonymous.post<LoginBody>('/auth/login', {
      username: pom.username,
      password: TEST_PASSWORD,
    });

    expect(response.status).toBe(200);
    expect(response.body.tokenType).toBe('Bearer');
    expect(response.body.accessToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(response.body.user).toMatchObject({
      id: pom.id,
      username: pom.username,
      role: Role.POM,
      prisonCodes: ['STI'],
    });
    expect(response.body.user).not.toHaveProperty('passwordHash');

    const me = await anonymous.as(response.body.accessToken).get<LoginBody['user']>('/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: pom.id, role: Role.POM });
  });

  it('answers a wrong password with 401 and exactly the message an unknown username gets', async () => {
    const wrongPassword = await anonymous.post('/auth/login', { username: pom.username, password: 'not her password' });
    const unknownUser = await anonymous.post('/auth/login', {
      username: `nobody-${pom.username}`,
      password: TEST_PASSWORD,
    });

    expect(wrongPassword.status).toBe(401);
    expect(unknownUser.status).toBe(401);
    expect(wrongPassword.body.message).toBe(unknownUser.body.message);
    expect(wrongPassword.body).not.toHaveProperty('accessToken');
  });

  it('takes as long to refuse an unknown username as a wrong password, so timing does not tell who exists', async () => {
    const user = await createUser(testApi.dataSource, { role: Role.POM, prisonCodes: ['STI'] });
    const wrongPassword: number[] = [];
    const unknownUser: number[] = [];
    // Interleaved, so a busy moment of the machine falls on both; medians, so one outlier does not decide.
    // Fewer than the 10 failures in a row that would lock this user out.
    for (let i = 0; i < 5; i += 1) {
      wrongPassword.push(
        await millisecondsFor(() => anonymous.post('/auth/login', { username: user.username, password: `wrong-${i}` })),
      );
      unknownUser.push(
        await millisecondsFor(() =>
          anonymous.post('/auth/login', { username: `nobody-${uniqueSuffix()}`, password: TEST_PASSWORD }),
        ),
      );
    }

    // Without the dummy hash an unknown username was answered in a few milliseconds against bcrypt's tens.
    const ratio = median(unknownUser) / median(wrongPassword);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it('refuses a request without a token with 401', async () => {
    const me = await anonymous.get('/auth/me');
    const women = await anonymous.get('/women');

    expect(me.status).toBe(401);
    expect(women.status).toBe(401);
  });

  it.each([
    ['not a JWT at all', 'Bearer not-a-token'],
    ['a JWT with its signature cut off', 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.'],
    ['a Basic credential', 'Basic dXNlcjpwYXNz'],
  ])('refuses a malformed token (%s) with 401', async (_what, header) => {
    const response = await fetch(`${testApi.baseUrl}/auth/me`, { headers: { authorization: header } });

    expect(response.status).toBe(401);
  });

  it('refuses a well-formed token signed with another secret with 401', async () => {
    const response = await anonymous.as(forgedToken(pom.id)).get<ErrorBody>('/auth/me');

    expect(response.status).toBe(401);
  });

  it("stops honouring a deactivated user's token at once and refuses her sign-in", async () => {
    const leaver = await createUser(testApi.dataSource, { role: Role.PRE_RELEASE_TEAM, prisonCodes: ['STI'] });
    const token = await login(testApi.baseUrl, leaver.username, leaver.password);
    expect((await anonymous.as(token).get('/auth/me')).status).toBe(200);

    await testApi.dataSource.query('UPDATE users SET active = false WHERE id = $1', [leaver.id]);

    expect((await anonymous.as(token).get('/auth/me')).status).toBe(401);
    expect((await anonymous.as(token).get('/women')).status).toBe(401);
    expect((await anonymous.post('/auth/login', { username: leaver.username, password: leaver.password })).status).toBe(
      401,
    );
  });

  it('answers /health/live with 200 without a token', async () => {
    const response = await anonymous.get<{ status: string }>('/health/live');

    expect(response.status).toBe(200);
    expect(response.body.status).toBe('ok');
  });

  it('answers /health/ready with 200 and reports postgres and redis up', async () => {
    const response = await anonymous.get<{ status: string; info: Record<string, { status: string }> }>('/health/ready');

    expect(response.status).toBe(200);
    expect(response.body.status).toBe('ok');
    expect(response.body.info.postgres.status).toBe('up');
    expect(response.body.info.redis.status).toBe('up');
  });
});
