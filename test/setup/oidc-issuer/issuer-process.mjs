/**
 * A real OpenID provider for the tests (oidc-provider, the certified Node.js implementation), run as its own
 * process so that its ES modules load as Node loads them and the API and gateway reach it over HTTP, as they would
 * reach HMPPS Auth. test/setup/oidc-issuer.ts starts it; this file stays plain JavaScript because it is only ever
 * run by Node, never imported by a suite.
 *
 * It issues RS256 JWT access tokens for one resource (ISSUER_AUDIENCE) carrying HMPPS Auth's claim names
 * (user_name, name, auth_source, user_id, authorities) plus the caseload and provider claims the claim mapping
 * reads, from the accounts in ISSUER_ACCOUNTS. Its login and consent pages are oidc-provider's development
 * interactions (any password). POST /test-control/accounts/<id>/remove removes an account, as an administrator
 * would at the identity provider: her refresh token is refused from then on.
 */
import Provider from 'oidc-provider';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const port = Number(env('ISSUER_PORT'));
const issuer = env('ISSUER_URL');
const audience = env('ISSUER_AUDIENCE');
const client = JSON.parse(env('ISSUER_CLIENT'));
const accounts = new Map(Object.entries(JSON.parse(env('ISSUER_ACCOUNTS'))));
const accessTokenTtl = Number(process.env.ISSUER_ACCESS_TOKEN_TTL ?? '300');

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: client.clientId,
      client_secret: client.clientSecret,
      redirect_uris: [client.redirectUri],
      post_logout_redirect_uris: [client.postLogoutRedirectUri],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
    },
  ],
  jwks: JSON.parse(env('ISSUER_JWKS')),
  cookies: { keys: [env('ISSUER_COOKIE_KEY')] },
  pkce: { required: () => true },
  claims: { openid: ['sub'], profile: ['name'] },
  features: {
    devInteractions: { enabled: true },
    rpInitiatedLogout: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => audience,
      useGrantedResource: () => true,
      getResourceServerInfo: () => ({
        scope: 'openid profile',
        audience,
        accessTokenTTL: accessTokenTtl,
        accessTokenFormat: 'jwt',
        jwt: { sign: { alg: 'RS256' } },
      }),
    },
  },
  // Every sign-in of this client gets a refresh token, as HMPPS Auth gives its authorization_code clients.
  issueRefreshToken: async (_ctx, c) => c.grantTypeAllowed('refresh_token'),
  findAccount: async (_ctx, id) => {
    const account = accounts.get(id);
    if (!account) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, name: account.name }) };
  },
  extraTokenClaims: async (_ctx, token) => {
    const account = accounts.get(token.accountId);
    if (!account) return undefined;
    const { name, ...claims } = account;
    return { user_name: id(token.accountId), name, user_id: token.accountId, ...claims };
  },
});

function id(accountId) {
  return accountId.toUpperCase();
}

provider.use(async (ctx, next) => {
  if (ctx.path === '/health/ready') {
    ctx.body = { status: 'ok' };
    return;
  }
  const removal = /^\/test-control\/accounts\/([^/]+)\/remove$/.exec(ctx.path);
  if (removal && ctx.method === 'POST') {
    accounts.delete(decodeURIComponent(removal[1]));
    ctx.status = 204;
    return;
  }
  await next();
});

provider.listen(port, '127.0.0.1', () => {
  console.log(`oidc issuer listening on ${issuer}`);
});
