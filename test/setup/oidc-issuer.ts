/**
 * A real OpenID provider for a suite (test/setup/oidc-issuer/issuer-process.mjs, oidc-provider in its own process)
 * on a free port, with one confidential client for Resettle, the accounts the suite gives, and RSA signing keys
 * made here, so a suite can also sign tokens the issuer never issued (expired, another audience) and rotate the
 * keys by restarting the issuer on the same address while the API and gateway keep running.
 */
import { generateKeyPairSync, KeyObject, randomBytes, randomUUID, sign } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, SupervisedProcess, waitUntilReady } from '../../scripts/supervisor';

/** The claims an account's access tokens carry, in HMPPS Auth's names (user_name is made from the account id). */
export interface IssuerAccount {
  name: string;
  authorities: string[];
  auth_source?: string;
  caseloads?: string[];
  crs_provider?: string;
  release_area?: string;
}

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
}

export interface TestIssuer {
  url: string;
  audience: string;
  clientId: string;
  /** The key the issuer signs with now. */
  key: SigningKey;
  /** What the API and gateway need to trust this issuer (with the claim mapping the suite gives). */
  env(mappingFile: string, redirectUrl: string): NodeJS.ProcessEnv;
  /** A token signed with `key` (the issuer's own by default) whose claims the suite chooses. */
  mint(claims: Record<string, unknown>, key?: SigningKey): string;
  removeAccount(id: string): Promise<void>;
  /** Restarts the issuer at the same address with a new signing key (its sessions and refresh tokens are lost). */
  rotateKeys(): Promise<SigningKey>;
  stop(): Promise<void>;
}

const ISSUER_SCRIPT = join(__dirname, 'oidc-issuer', 'issuer-process.mjs');

export function newSigningKey(): SigningKey {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid: randomUUID(), privateKey };
}

function privateJwks(key: SigningKey): { keys: object[] } {
  return { keys: [{ ...key.privateKey.export({ format: 'jwk' }), kid: key.kid, alg: 'RS256', use: 'sig' }] };
}

export function signJwt(claims: Record<string, unknown>, key: SigningKey): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${part({ alg: 'RS256', typ: 'at+jwt', kid: key.kid })}.${part(claims)}`;
  return `${input}.${sign('sha256', Buffer.from(input), key.privateKey).toString('base64url')}`;
}

/** Writes a claim mapping for the apps to read (OIDC_CLAIM_MAPPING_FILE). */
export function writeMappingFile(mapping: object): string {
  const file = join(tmpdir(), `resettle-oidc-mapping-${randomUUID()}.json`);
  writeFileSync(file, JSON.stringify(mapping));
  return file;
}

export async function startTestIssuer(options: {
  accounts: Record<string, IssuerAccount>;
  redirectUri: string;
  postLogoutRedirectUri: string;
}): Promise<TestIssuer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // A resource indicator (RFC 8707) is an absolute URI.
  const audience = `https://api.resettle.test/${randomUUID()}`;
  const clientId = 'resettle';
  const clientSecret = randomBytes(24).toString('base64url');
  let key = newSigningKey();
  let process: SupervisedProcess | null = null;

  const start = async () => {
    const child = new SupervisedProcess({
      name: 'oidc-issuer',
      args: [ISSUER_SCRIPT],
      env: {
        PATH: globalThis.process.env.PATH,
        ISSUER_PORT: String(port),
        ISSUER_URL: url,
        ISSUER_AUDIENCE: audience,
        ISSUER_CLIENT: JSON.stringify({
          clientId,
          clientSecret,
          redirectUri: options.redirectUri,
          postLogoutRedirectUri: options.postLogoutRedirectUri,
        }),
        ISSUER_ACCOUNTS: JSON.stringify(options.accounts),
        ISSUER_JWKS: JSON.stringify(privateJwks(key)),
        ISSUER_COOKIE_KEY: randomBytes(24).toString('base64url'),
      },
      keepLines: 200,
    });
    process = child;
    await waitUntilReady({ url, process: child, timeoutMs: 60_000 });
  };
  await start();

  return {
    url,
    audience,
    clientId,
    get key() {
      return key;
    },
    env: (mappingFile, redirectUrl) => ({
      OIDC_ISSUER: url,
      OIDC_CLIENT_ID: clientId,
      OIDC_CLIENT_SECRET: clientSecret,
      OIDC_AUDIENCE: audience,
      OIDC_CLAIM_MAPPING_FILE: mappingFile,
      OIDC_REDIRECT_URL: redirectUrl,
      OIDC_POST_SIGN_OUT_URL: options.postLogoutRedirectUri,
      OIDC_ALLOW_HTTP: 'on',
    }),
    mint: (claims, signingKey = key) => signJwt(claims, signingKey),
    removeAccount: async (id) => {
      const response = await fetch(`${url}/test-control/accounts/${encodeURIComponent(id)}/remove`, { method: 'POST' });
      if (response.status !== 204) throw new Error(`the issuer did not remove ${id}: ${response.status}`);
    },
    rotateKeys: async () => {
      await process?.stop();
      key = newSigningKey();
      await start();
      return key;
    },
    stop: async () => {
      await process?.stop();
    },
  };
}
