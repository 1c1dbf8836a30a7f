/**
 * Single sign-on through a real OpenID provider (oidc-provider, started by the suite in its own process) with the
 * API and the gateway as real processes: the authorisation code flow with PKCE through the issuer's login and
 * consent pages, the issuer's access token accepted by the API and by the gateway's handshake, tokens from another
 * issuer, expired or for another audience refused, a key rotation taken without a restart, a user removed at the
 * issuer losing access (and her socket) at her next refresh, sign-out, and LOCAL_SIGN_IN=off.
 */
import { rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import { Role } from '@app/domain';
import { AppProcess, freePort, startApp } from '../../setup/app-process';
import { BoardClient, eventually } from '../../setup/board-client';
import { openOwnerConnection } from '../../setup/database-connections';
import { CookieJar, signInThroughIssuer } from '../../setup/oidc-code-flow';
import { newSigningKey, signJwt, startTestIssuer, TestIssuer, writeMappingFile } from '../../setup/oidc-issuer';
import { createUser, login } from '../../factories';

interface LoginBody {
  accessToken: string;
  user: { id: string; username: string; role: Role; prisonCodes: string[] };
  message?: string;
}

/** The HMPPS Auth vocabulary: ROLE_* authorities, caseloads named by the mapping. */
const MAPPING = {
  claims: { prisonCodes: 'caseloads' },
  usernamePrefix: 'sso-',
  roles: [
    { when: 'ROLE_RESETTLE_GOVERNOR', role: 'GOVERNOR' },
    { when: 'ROLE_RESETTLE_PRT', role: 'PRE_RELEASE_TEAM' },
  ],
};

const ACCOUNTS = {
  amy: {
    name: 'Amy Pre-release',
    authorities: ['ROLE_RESETTLE_PRT', 'ROLE_PRISON'],
    auth_source: 'nomis',
    caseloads: ['STI'],
  },
  cara: { name: 'Cara Leaver', authorities: ['ROLE_RESETTLE_PRT'], auth_source: 'nomis', caseloads: ['STI'] },
  dot: { name: 'Dot Signs-out', authorities: ['ROLE_RESETTLE_GOVERNOR'], auth_source: 'nomis', caseloads: ['EWI'] },
  bob: { name: 'Bob Elsewhere', authorities: ['ROLE_PRISON'], auth_source: 'nomis', caseloads: ['STI'] },
  erin: { name: 'Erin Offline', authorities: ['ROLE_RESETTLE_PRT'], auth_source: 'nomis', caseloads: ['STI'] },
};

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
}

function headerOf(token: string): { alg: string; kid: string } {
  return JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString('utf8')) as { alg: string; kid: string };
}

async function call<T>(
  url: string,
  options: { method?: string; token?: string; jar?: CookieJar } = {},
): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const cookie = options.jar?.header(url);
  if (cookie) headers.cookie = cookie;
  const response = await fetch(url, { method: options.method ?? 'GET', headers });
  options.jar?.keep(url, response);
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}

describe('signing in with the organisation’s identity provider (OpenID Connect)', () => {
  let issuer: TestIssuer;
  let api: AppProcess;
  let gateway: AppProcess;
  let localOff: AppProcess | null = null;
  let db: DataSource;
  let mappingFile: string;
  const sockets: BoardClient[] = [];

  /** The full code flow for one account, then her token from POST /auth/oidc/session. */
  async function signIn(
    account: string,
  ): Promise<{ body: LoginBody; jar: CookieJar; flow: Awaited<ReturnType<typeof signInThroughIssuer>> }> {
    const flow = await signInThroughIssuer(api.url, account);
    expect(flow.landing).toBe(`${api.url}/?signed-in=organisation`);
    const session = await call<LoginBody>(`${api.url}/auth/oidc/session`, { method: 'POST', jar: flow.jar });
    expect(session.status).toBe(200);
    return { body: session.body, jar: flow.jar, flow };
  }

  beforeAll(async () => {
    const apiPort = await freePort();
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    issuer = await startTestIssuer({
      accounts: ACCOUNTS,
      redirectUri: `${apiUrl}/auth/oidc/callback`,
      postLogoutRedirectUri: `${apiUrl}/`,
    });
    mappingFile = writeMappingFile(MAPPING);
    const env = issuer.env(mappingFile, `${apiUrl}/auth/oidc/callback`);
    db = await openOwnerConnection();
    // One after the other: a start that fails leaves nothing running that afterAll would not know of.
    api = await startApp('api', env, { port: apiPort });
    gateway = await startApp('gateway', { ...env, ACCESS_RECHECK_MS: '250' });
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await Promise.all([api?.stop(), gateway?.stop(), localOff?.stop(), issuer?.stop()]);
    await db?.destroy();
    if (mappingFile) rmSync(mappingFile, { force: true });
  });

  it('tells the web app that organisation sign-in is on', async () => {
    const config = await call<{ signIn: { local: boolean; organisation: boolean } }>(`${api.url}/client-config`);
    expect(config.body.signIn).toEqual({ local: true, organisation: true });
  });

  it('signs a user in by the code flow with PKCE, provisions her users row from the mapped claims, and audits it', async () => {
    const { body, flow } = await signIn('amy');

    expect(flow.authorizationUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(flow.authorizationUrl.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(flow.authorizationUrl.searchParams.get('state')).toBeTruthy();
    expect(flow.authorizationUrl.searchParams.get('nonce')).toBeTruthy();
    expect(headerOf(body.accessToken).alg).toBe('RS256');
    expect(claimsOf(body.accessToken)).toMatchObject({
      iss: issuer.url,
      aud: issuer.audience,
      user_name: 'AMY',
      sub: 'amy',
    });
    expect(body.user).toMatchObject({ username: 'sso-AMY', role: Role.PRE_RELEASE_TEAM, prisonCodes: ['STI'] });

    const me = await call<{ id: string; displayName: string }>(`${api.url}/auth/me`, { token: body.accessToken });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: body.user.id, displayName: 'Amy Pre-release' });
    const links: { user_id: string }[] = await db.query(
      `SELECT user_id FROM external_identities WHERE issuer = $1 AND subject = 'amy'`,
      [issuer.url],
    );
    expect(links).toEqual([{ user_id: body.user.id }]);
    const audit: { action: string; actor_role: string }[] = await db.query(
      `SELECT action, actor_role FROM audit_events WHERE entity_type = 'USER' AND entity_id = $1`,
      [body.user.id],
    );
    expect(audit).toEqual([{ action: 'CREATED', actor_role: 'IDENTITY_PROVIDER' }]);
  });

  it('keeps one users row per person: a second sign-in reuses it', async () => {
    const first = await signIn('amy');
    const second = await signIn('amy');
    expect(second.body.user.id).toBe(first.body.user.id);
    const rows: { n: string }[] = await db.query(`SELECT count(*)::text AS n FROM users WHERE username = 'sso-AMY'`);
    expect(rows[0].n).toBe('1');
  });

  it('lets the gateway take the issuer’s token in the socket handshake', async () => {
    const { body } = await signIn('amy');
    const socket = await BoardClient.connect(gateway.url, body.accessToken);
    sockets.push(socket);
    expect(socket.disconnectedAt).toBeNull();
  });

  it('refuses a sign-in whose claims map to no Resettle role, saying why, and writes no users row', async () => {
    const flow = await signInThroughIssuer(api.url, 'bob');
    const landing = new URL(flow.landing);
    expect(landing.pathname).toBe('/');
    expect(landing.searchParams.get('sign-in-error')).toMatch(/no role that gives access to Resettle/);
    const rows: unknown[] = await db.query(`SELECT id FROM users WHERE username = 'sso-BOB'`);
    expect(rows).toEqual([]);
  });

  it('refuses a token from another issuer, an expired token and a token for another audience, at the API and the gateway', async () => {
    const now = Math.floor(Date.now() / 1000);
    const valid = { sub: 'amy', user_name: 'AMY', authorities: ['ROLE_RESETTLE_PRT'], caseloads: ['STI'], iat: now };
    const foreign = signJwt(
      { ...valid, iss: 'https://sign-in.elsewhere.example', aud: issuer.audience, exp: now + 300 },
      newSigningKey(),
    );
    const foreignWithOurKey = issuer.mint({
      ...valid,
      iss: 'https://sign-in.elsewhere.example',
      aud: issuer.audience,
      exp: now + 300,
    });
    const expired = issuer.mint({ ...valid, iss: issuer.url, aud: issuer.audience, iat: now - 600, exp: now - 60 });
    const otherAudience = issuer.mint({ ...valid, iss: issuer.url, aud: 'some-other-service', exp: now + 300 });
    const genuine = issuer.mint({ ...valid, iss: issuer.url, aud: issuer.audience, exp: now + 300 });

    const answers = await Promise.all(
      [foreign, foreignWithOurKey, expired, otherAudience, genuine].map((token) =>
        call<{ message: string }>(`${api.url}/auth/me`, { token }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 401, 200]);
    expect(answers[0].body.message).toMatch(/another issuer/);
    expect(answers[2].body.message).toMatch(/expired/);
    expect(answers[3].body.message).toMatch(/audience/);

    for (const token of [foreign, expired, otherAudience]) {
      await expect(BoardClient.connect(gateway.url, token)).rejects.toThrow();
    }
  });

  it('takes a key rotation at the issuer without restarting the API or the gateway', async () => {
    const before = { api: api.pid, gateway: gateway.pid };
    const oldKey = issuer.key;
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: 'amy', user_name: 'AMY', iss: issuer.url, aud: issuer.audience, iat: now, exp: now + 300 };
    const oldKeyToken = issuer.mint(claims, oldKey);
    expect((await call(`${api.url}/auth/me`, { token: oldKeyToken })).status).toBe(200);

    const newKey = await issuer.rotateKeys();
    const { body } = await signIn('amy');
    expect(headerOf(body.accessToken).kid).toBe(newKey.kid);
    expect((await call(`${api.url}/auth/me`, { token: body.accessToken })).status).toBe(200);
    const socket = await BoardClient.connect(gateway.url, body.accessToken);
    sockets.push(socket);
    // The key set was fetched again for the new kid: the retired key is no longer trusted.
    expect((await call(`${api.url}/auth/me`, { token: issuer.mint({ ...claims, iat: now + 1 }, oldKey) })).status).toBe(
      401,
    );
    expect({ api: api.pid, gateway: gateway.pid }).toEqual(before);
    expect(api.running && gateway.running).toBe(true);
  });

  it('refreshes with the issuer’s refresh token, and a user removed at the issuer loses access at her next refresh, sockets too', async () => {
    const { body, jar } = await signIn('cara');
    const refreshed = await call<LoginBody>(`${api.url}/auth/refresh`, {
      method: 'POST',
      token: body.accessToken,
      jar,
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.user.id).toBe(body.user.id);
    const socket = await BoardClient.connect(gateway.url, refreshed.body.accessToken);
    sockets.push(socket);

    await issuer.removeAccount('cara');
    const refused = await call<{ message: string }>(`${api.url}/auth/refresh`, {
      method: 'POST',
      token: refreshed.body.accessToken,
      jar,
    });
    expect(refused.status).toBe(401);
    expect(refused.body.message).toMatch(/no longer lets this account sign in/);
    expect(await eventually(() => socket.disconnectedAt !== null, 30_000)).toBe(true);
    expect(socket.ended.map((e) => e.reason)).toContain('withdrawn');
    // Her unexpired token no longer opens anything.
    expect((await call(`${api.url}/auth/me`, { token: refreshed.body.accessToken })).status).toBe(401);
    const audit: { action: string; after: { active: boolean } }[] = await db.query(
      `SELECT action, after FROM audit_events WHERE entity_type = 'USER' AND entity_id = $1 ORDER BY id`,
      [body.user.id],
    );
    expect(audit.map((a) => [a.action, a.after.active])).toEqual([
      ['CREATED', true],
      ['ACCESS_CHANGED', false],
    ]);
  });

  it('signs out: the cookie is cleared, her earlier tokens are refused, and the issuer’s end-session URL is given', async () => {
    const { body, jar } = await signIn('dot');
    // Her board open in two tabs, and a colleague's board, before she signs out.
    const tabs = await Promise.all([1, 2].map(() => BoardClient.connect(gateway.url, body.accessToken)));
    const colleague = await BoardClient.connect(gateway.url, (await signIn('amy')).body.accessToken);
    sockets.push(...tabs, colleague);
    // Tokens carry whole seconds: sign out in a later second than the token was issued in.
    await eventually(() => Math.floor(Date.now() / 1000) > Number(claimsOf(body.accessToken).iat), 1500);
    const out = await call<{ endSessionUrl: string | null }>(`${api.url}/auth/oidc/sign-out`, { method: 'POST', jar });
    expect(out.status).toBe(200);
    expect(out.body.endSessionUrl).toMatch(new RegExp(`^${issuer.url}/session/end\\?`));
    expect((await call(`${api.url}/auth/me`, { token: body.accessToken })).status).toBe(401);
    expect((await call(`${api.url}/auth/oidc/session`, { method: 'POST', jar })).status).toBe(401);

    // Her open sockets end now, not when the token expires, and say why; her colleague's stays.
    expect(await eventually(() => tabs.every((tab) => tab.disconnectedAt !== null), 30_000)).toBe(true);
    expect(tabs.map((tab) => tab.ended.map((e) => e.reason))).toEqual([['signed-out'], ['signed-out']]);
    expect(colleague.disconnectedAt).toBeNull();
    expect(colleague.ended).toEqual([]);
    // Her token no longer opens a socket.
    await expect(BoardClient.connect(gateway.url, body.accessToken)).rejects.toThrow();
    // The database noted the change to her access, in the sign-out's transaction.
    const noted = await db.query<{ n: string }[]>('SELECT count(*) AS n FROM access_changes WHERE user_id = $1', [
      body.user.id,
    ]);
    expect(Number(noted[0].n)).toBeGreaterThan(0);
  });

  it('with LOCAL_SIGN_IN=off refuses passwords (403) and Resettle’s own tokens, and still takes the issuer’s', async () => {
    const env = issuer.env(mappingFile, `${api.url}/auth/oidc/callback`);
    localOff = await startApp('api', { ...env, LOCAL_SIGN_IN: 'off' });
    const pom = await createUser(db, { role: Role.POM, prisonCodes: ['STI'] });
    const ownToken = await login(api.url, pom.username, pom.password);

    const password = await fetch(`${localOff.url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: pom.username, password: pom.password }),
    });
    expect(password.status).toBe(403);
    expect(((await password.json()) as { message: string }).message).toMatch(/LOCAL_SIGN_IN=off/);
    expect((await call(`${localOff.url}/auth/me`, { token: ownToken })).status).toBe(401);
    const config = await call<{ signIn: unknown }>(`${localOff.url}/client-config`);
    expect(config.body.signIn).toEqual({ local: false, organisation: true });
    const { body } = await signIn('amy');
    expect((await call(`${localOff.url}/auth/me`, { token: body.accessToken })).status).toBe(200);
  });

  it('reads her caseloads from the mapping’s caseloadsUrl with her own token when the token has none (HMPPS Auth)', async () => {
    // A Prison API stand-in: GET /api/users/me/caseLoads for the bearer of a token, as HMPPS services call it.
    const seen: string[] = [];
    const prisonApi = createServer((request, response) => {
      const token = (request.headers.authorization ?? '').replace(/^Bearer /, '');
      seen.push(`${request.method} ${request.url} ${token ? String(claimsOf(token).sub) : 'no token'}`);
      if (token && claimsOf(token).sub === 'fern') {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify([{ caseLoadId: 'STI', currentlyActive: true }, { caseLoadId: 'NHI' }]));
      } else {
        response.writeHead(500).end();
      }
    });
    await new Promise<void>((resolve) => prisonApi.listen(0, '127.0.0.1', resolve));
    const caseloadsUrl = `http://127.0.0.1:${(prisonApi.address() as AddressInfo).port}/api/users/me/caseLoads`;
    const file = writeMappingFile({ ...MAPPING, claims: {}, usernamePrefix: 'cl-', caseloadsUrl });
    const withLookup = await startApp('api', issuer.env(file, `${api.url}/auth/oidc/callback`));
    try {
      const now = Math.floor(Date.now() / 1000);
      const token = (sub: string) =>
        issuer.mint({
          sub,
          user_name: sub.toUpperCase(),
          authorities: ['ROLE_RESETTLE_PRT'],
          iss: issuer.url,
          aud: issuer.audience,
          iat: now,
          exp: now + 300,
        });
      const me = await call<{ username: string; prisonCodes: string[] }>(`${withLookup.url}/auth/me`, {
        token: token('fern'),
      });
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ username: 'cl-FERN', prisonCodes: ['STI', 'NHI'] });
      expect(seen).toEqual(['GET /api/users/me/caseLoads fern']);

      // The lookup fails: 503 saying so, and no users row is made for her.
      const refused = await call<{ code: string; message: string }>(`${withLookup.url}/auth/me`, {
        token: token('gwen'),
      });
      expect(refused.status).toBe(503);
      expect(refused.body.message).toMatch(/caseloads could not be read: .* answered 500/);
      const rows = await db.query('SELECT 1 FROM users WHERE username = $1', ['cl-GWEN']);
      expect(rows).toEqual([]);
    } finally {
      await withLookup.stop();
      await new Promise((resolve) => prisonApi.close(resolve));
      rmSync(file, { force: true });
    }
  });

  // Last: it stops the issuer.
  it('answers 503, saying so, while the identity provider cannot be reached, and keeps her session for when it is back', async () => {
    // An API whose issuer has never answered: sign-in cannot start.
    const port = await freePort();
    const nowhere = `http://127.0.0.1:${await freePort()}`;
    const env = { ...issuer.env(mappingFile, `http://127.0.0.1:${port}/auth/oidc/callback`), OIDC_ISSUER: nowhere };
    const unreachable = await startApp('api', env, { port });
    try {
      const start = await fetch(`${unreachable.url}/auth/oidc/login`, { redirect: 'manual' });
      expect(start.status).toBe(503);
      const refused = (await start.json()) as { code: string; message: string };
      expect(refused.code).toBe('SERVICE_UNAVAILABLE');
      expect(refused.message).toMatch(/identity provider cannot be reached/);
    } finally {
      await unreachable.stop();
    }

    // The issuer goes away while she is signed in: her refresh answers 503, and nothing of hers is ended.
    const { body, jar } = await signIn('erin');
    await issuer.stop();
    const refresh = await call<{ code: string; message: string }>(`${api.url}/auth/oidc/session`, {
      method: 'POST',
      jar,
    });
    expect(refresh.status).toBe(503);
    expect(refresh.body.code).toBe('SERVICE_UNAVAILABLE');
    expect(refresh.body.message).toMatch(/identity provider could not be asked/);
    const [row] = await db.query<{ active: boolean; suspended_at: Date | null; signed_out_at: Date | null }[]>(
      `SELECT u.active, x.suspended_at, x.signed_out_at
         FROM users u JOIN external_identities x ON x.user_id = u.id WHERE u.id = $1`,
      [body.user.id],
    );
    expect(row).toEqual({ active: true, suspended_at: null, signed_out_at: null });
    // Her token still opens the API: its signing keys were fetched while the issuer was there.
    expect((await call(`${api.url}/auth/me`, { token: body.accessToken })).status).toBe(200);
  });
});
