/**
 * POST /auth/refresh over real HTTP: a fresh token for a still-valid one of an active account, never for a
 * withdrawn account, an expired or missing token, nor beyond JWT_SESSION_MAX_SECONDS from the sign-in.
 */
import { Role } from '@app/domain';
import { ApiClient } from '../../setup/api-client';
import { eventually } from '../../setup/board-client';
import { TestApi, startTestApi } from '../../setup/test-app';
import { TestUser, createUser, login } from '../../factories';

interface RefreshBody {
  accessToken: string;
  tokenType: string;
  user: { id: string };
}

/** Long enough for a sign-in and a refresh on a loaded machine (3 s was not), short enough to wait out. */
const SESSION_MAX_SECONDS = 8;

describe('token refresh', () => {
  let api: TestApi;
  /** Its sign-ins may be refreshed for only a few seconds. */
  let shortSessions: TestApi;
  let pom: TestUser;

  beforeAll(async () => {
    [api, shortSessions] = await Promise.all([
      startTestApi(),
      startTestApi({ JWT_SESSION_MAX_SECONDS: String(SESSION_MAX_SECONDS) }),
    ]);
    pom = await createUser(api.dataSource, { role: Role.POM, prisonCodes: ['STI'] });
  });

  afterAll(async () => {
    await Promise.all([api?.close(), shortSessions?.close()]);
  });

  it('issues a fresh token that identifies the same user, expires later and keeps the sign-in time', async () => {
    const first = await login(api.baseUrl, pom.username, pom.password);
    // A token's times are whole seconds: wait for the next one so the new token's expiry is later.
    await eventually(() => Math.floor(Date.now() / 1000) > claims(first).iat, 1500);
    const response = await new ApiClient(api.baseUrl, first).post<RefreshBody>('/auth/refresh');

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ tokenType: 'Bearer', user: { id: pom.id } });
    const second = response.body.accessToken;
    expect(claims(second).exp).toBeGreaterThan(claims(first).exp);
    expect(claims(second).authTime).toBe(claims(first).authTime);
    const me = await new ApiClient(api.baseUrl, second).get<{ id: string }>('/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(pom.id);
  });

  it('refuses without a token, and for a withdrawn account', async () => {
    expect((await new ApiClient(api.baseUrl).post('/auth/refresh')).status).toBe(401);
    const leaver = await createUser(api.dataSource, { role: Role.POM, prisonCodes: ['STI'] });
    const token = await login(api.baseUrl, leaver.username, leaver.password);
    await api.dataSource.query('UPDATE users SET active = false WHERE id = $1', [leaver.id]);

    const response = await new ApiClient(api.baseUrl, token).post<{ message: string }>('/auth/refresh');
    expect(response.status).toBe(401);
    expect(response.body.message).toMatch(/no longer active/);
  });

  it('refuses once the sign-in is older than JWT_SESSION_MAX_SECONDS, however fresh the token', async () => {
    const signedIn = await login(shortSessions.baseUrl, pom.username, pom.password);
    const client = new ApiClient(shortSessions.baseUrl, signedIn);
    const refreshed = await client.post<RefreshBody>('/auth/refresh');
    expect(refreshed.status).toBe(200);

    const limit = (claims(signedIn).authTime + SESSION_MAX_SECONDS) * 1000;
    expect(await eventually(() => Date.now() >= limit, (SESSION_MAX_SECONDS + 2) * 1000)).toBe(true);
    const response = await new ApiClient(shortSessions.baseUrl, refreshed.body.accessToken).post<{ message: string }>(
      '/auth/refresh',
    );
    expect(response.status).toBe(401);
    expect(response.body.message).toMatch(/sign in again/);
  });
});

function claims(token: string): { exp: number; iat: number; authTime: number } {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as {
    exp: number;
    iat: number;
    authTime: number;
  };
}
