/**
 * Sign-in through the organisation's OpenID Connect issuer (openid-client): the authorisation code flow with
 * PKCE, run by the API so the client secret and the refresh token never reach the page.
 *
 * - start: a fresh state, nonce and PKCE code verifier, sealed in a short-lived HttpOnly cookie, and the
 *   issuer's authorisation URL to send the browser to;
 * - finish: the callback's code exchanged (state, nonce and verifier checked by openid-client), the access token
 *   verified as every request verifies it, her users row linked or provisioned from its claims, and the issuer's
 *   refresh token sealed in an HttpOnly cookie;
 * - refresh: the refresh token exchanged for a fresh access token (her role and scope brought up to date from
 *   it); when the issuer refuses (she was removed or disabled there) her users row is withdrawn, which closes her
 *   sockets, and the answer is 401;
 * - signOut: the cookie cleared, her earlier tokens refused, and the issuer's end-session URL when it has one.
 */
import {
  Inject,
  Injectable,
  Logger,
  NotFoundException,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import * as client from 'openid-client';
import {
  AUTH_SETTINGS,
  AuthSettings,
  ExternalIdentities,
  IssuerTokens,
  OidcSettings,
  toAuthenticatedUser,
} from '@app/auth';
import { CookieOptions, seal, setCookieHeader, unseal } from './sealed-cookie';
import type { LoginResult } from './auth.service';

/** The sign-in in flight, between the redirect to the issuer and its callback. */
interface SignInTransaction {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** Started from a small window over a working page (signing in again): the way back tells that window so. */
  smallWindow?: boolean;
}

/** What the refresh cookie holds. */
interface IssuerSession {
  refreshToken: string;
  subject: string;
  idToken: string | null;
}

const TRANSACTION = 'oidc-transaction';
const SESSION = 'oidc-session';

export interface CookieJar {
  read(name: string): string | null;
  set(header: string): void;
}

@Injectable()
export class OidcSignIn {
  private readonly logger = new Logger(OidcSignIn.name);
  private configuration: Promise<client.Configuration> | null = null;

  constructor(
    @Inject(AUTH_SETTINGS) private readonly settings: AuthSettings,
    private readonly issuerTokens: IssuerTokens,
    private readonly identities: ExternalIdentities,
  ) {}

  get enabled(): boolean {
    return this.settings.oidc !== null;
  }

  /** The issuer's authorisation URL; the transaction cookie goes with the redirect. */
  async start(cookies: CookieJar, smallWindow = false): Promise<string> {
    const { config, oidc } = await this.client();
    const transaction: SignInTransaction = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier: client.randomPKCECodeVerifier(),
      smallWindow,
    };
    cookies.set(setCookieHeader(this.cookie(TRANSACTION), seal(this.settings.jwtSecret, TRANSACTION, transaction)));
    return client
      .buildAuthorizationUrl(config, {
        redirect_uri: oidc.redirectUrl,
        scope: oidc.scopes,
        state: transaction.state,
        nonce: transaction.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(transaction.codeVerifier),
        code_challenge_method: 'S256',
      })
      .toString();
  }

  /** Whether the sign-in coming back was started from a small window (read before finish clears it). */
  startedInSmallWindow(cookies: CookieJar): boolean {
    const transaction = unseal<SignInTransaction>(
      this.settings.jwtSecret,
      TRANSACTION,
      cookies.read(this.cookie(TRANSACTION).name),
    );
    return transaction?.smallWindow === true;
  }

  /** Completes the code flow; the caller then sends the browser back to the web app. */
  async finish(callbackQuery: string, cookies: CookieJar, requestId: string | null): Promise<LoginResult> {
    const { config, oidc } = await this.client();
    const transaction = unseal<SignInTransaction>(
      this.settings.jwtSecret,
      TRANSACTION,
      cookies.read(this.cookie(TRANSACTION).name),
    );
    cookies.set(setCookieHeader(this.cookie(TRANSACTION), null));
    if (!transaction) throw new UnauthorizedException('This sign-in was not started here or took too long: try again');
    const currentUrl = new URL(oidc.redirectUrl);
    currentUrl.search = callbackQuery;
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(config, currentUrl, {
        expectedState: transaction.state,
        expectedNonce: transaction.nonce,
        pkceCodeVerifier: transaction.codeVerifier,
        idTokenExpected: true,
      });
    } catch (error) {
      this.logger.warn(`sign-in callback refused: ${(error as Error).message}`);
      throw new UnauthorizedException(`The identity provider's answer was not accepted: ${(error as Error).message}`);
    }
    return this.signedIn(tokens, cookies, requestId);
  }

  /** A fresh access token from the refresh cookie (also how the page picks up a sign-in after the callback). */
  async refresh(cookies: CookieJar, requestId: string | null): Promise<LoginResult> {
    const { config, oidc } = await this.client();
    const session = this.session(cookies);
    if (!session) throw new UnauthorizedException('No sign-in with your organisation is in progress here: sign in');
    let tokens: Awaited<ReturnType<typeof client.refreshTokenGrant>>;
    try {
      tokens = await client.refreshTokenGrant(config, session.refreshToken);
    } catch (error) {
      // Only a refusal ends the session here; an issuer that could not be reached may answer the next try.
      if (error instanceof client.ResponseBodyError && error.error === 'invalid_grant') {
        cookies.set(setCookieHeader(this.cookie(SESSION), null));
        await this.identities.suspend(oidc.issuer, session.subject, requestId);
        throw new UnauthorizedException('Your organisation no longer lets this account sign in to Resettle');
      }
      throw new ServiceUnavailableException(`The identity provider could not be asked: ${(error as Error).message}`);
    }
    return this.signedIn(tokens, cookies, requestId, session.idToken);
  }

  /** Ends the Resettle session; the issuer's end-session URL, when it has one, ends hers there too. */
  async signOut(cookies: CookieJar): Promise<{ endSessionUrl: string | null }> {
    const { config, oidc } = await this.client();
    const session = this.session(cookies);
    cookies.set(setCookieHeader(this.cookie(SESSION), null));
    if (!session) return { endSessionUrl: null };
    await this.identities.signOut(oidc.issuer, session.subject);
    if (!config.serverMetadata().end_session_endpoint) return { endSessionUrl: null };
    const parameters: Record<string, string> = { post_logout_redirect_uri: oidc.postSignOutUrl };
    if (session.idToken) parameters.id_token_hint = session.idToken;
    return { endSessionUrl: client.buildEndSessionUrl(config, parameters).toString() };
  }

  private async signedIn(
    tokens: { access_token: string; refresh_token?: string; id_token?: string },
    cookies: CookieJar,
    requestId: string | null,
    previousIdToken: string | null = null,
  ): Promise<LoginResult> {
    const claims = await this.issuerTokens.verify(tokens.access_token);
    const user = await this.identities.signIn(claims, requestId, tokens.access_token);
    if (tokens.refresh_token) {
      const session: IssuerSession = {
        refreshToken: tokens.refresh_token,
        subject: claims.sub,
        idToken: tokens.id_token ?? previousIdToken,
      };
      cookies.set(setCookieHeader(this.cookie(SESSION), seal(this.settings.jwtSecret, SESSION, session)));
    }
    return { accessToken: tokens.access_token, tokenType: 'Bearer', user: toAuthenticatedUser(user) };
  }

  private session(cookies: CookieJar): IssuerSession | null {
    return unseal<IssuerSession>(this.settings.jwtSecret, SESSION, cookies.read(this.cookie(SESSION).name));
  }

  private cookie(purpose: typeof TRANSACTION | typeof SESSION): CookieOptions {
    const secure = this.oidc().redirectUrl.startsWith('https:');
    return purpose === TRANSACTION
      ? // Lax: the issuer's redirect back is a top-level navigation from another site.
        { name: 'resettle_oidc_signin', path: '/auth/oidc', sameSite: 'Lax', secure, maxAgeSeconds: 600 }
      : {
          name: 'resettle_oidc_session',
          path: '/auth',
          sameSite: 'Strict',
          secure,
          maxAgeSeconds: this.settings.sessionMaxSeconds,
        };
  }

  private oidc(): OidcSettings {
    if (!this.settings.oidc) throw new NotFoundException('Signing in with an organisation account is not configured');
    return this.settings.oidc;
  }

  /** The issuer's discovery document, fetched once (and again after a failure). */
  private async client(): Promise<{ config: client.Configuration; oidc: OidcSettings }> {
    const oidc = this.oidc();
    this.configuration ??= client.discovery(
      new URL(oidc.issuer),
      oidc.clientId,
      undefined,
      client.ClientSecretPost(oidc.clientSecret),
      oidc.allowHttp ? { execute: [client.allowInsecureRequests] } : undefined,
    );
    this.configuration.catch(() => (this.configuration = null));
    try {
      return { config: await this.configuration, oidc };
    } catch (error) {
      throw new ServiceUnavailableException(`The identity provider cannot be reached: ${(error as Error).message}`);
    }
  }
}
