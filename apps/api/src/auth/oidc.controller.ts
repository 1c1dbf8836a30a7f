/**
 * Signing in with the organisation's identity provider. The two browser navigations of the code flow (to the
 * issuer and back) are redirects, not API operations, so they are left out of the API document as /metrics is;
 * the page then picks its token up with POST /auth/oidc/session, and POST /auth/oidc/sign-out ends the session.
 */
import { Controller, Get, HttpCode, HttpException, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '@app/auth';
import { RequestId } from '../common/request-id.decorator';
import type { LoginResult } from './auth.service';
import { CookieJar, OidcSignIn } from './oidc-sign-in.service';
import { readCookie } from './sealed-cookie';

/** Where the page goes after signing out: the issuer's end-session URL, when the issuer has one. */
export interface SignOutResult {
  endSessionUrl: string | null;
}

/** Where the callback sends the browser: the web app, which then asks POST /auth/oidc/session for her token. */
export const SIGNED_IN_PAGE = '/?signed-in=organisation';
/**
 * Added to the way back when GET /auth/oidc/login?window=small started the sign-in: the web app in that small
 * window hands the outcome to the page she is working on and closes (apps/web/src/organisation-sign-in.tsx).
 */
export const SMALL_WINDOW = 'window=small';

export function cookieJar(request: Request, response: Response): CookieJar {
  return {
    read: (name) => readCookie(request.headers.cookie, name),
    set: (header) => void response.append('Set-Cookie', header),
  };
}

@ApiTags('auth')
@Controller('auth/oidc')
export class OidcController {
  constructor(private readonly oidc: OidcSignIn) {}

  @Public()
  @Get('login')
  @ApiExcludeEndpoint()
  async login(@Req() request: Request, @Res() response: Response): Promise<void> {
    const smallWindow = request.query.window === 'small';
    response.redirect(302, await this.oidc.start(cookieJar(request, response), smallWindow));
  }

  /** Back from the issuer: on success to the web app; a refusal goes to the sign-in page with its reason. */
  @Public()
  @Get('callback')
  @ApiExcludeEndpoint()
  async callback(
    @Req() request: Request,
    @Res() response: Response,
    @RequestId() requestId: string | null,
  ): Promise<void> {
    const query = request.originalUrl.includes('?') ? request.originalUrl.slice(request.originalUrl.indexOf('?')) : '';
    const cookies = cookieJar(request, response);
    const smallWindow = this.oidc.startedInSmallWindow(cookies) ? `&${SMALL_WINDOW}` : '';
    try {
      await this.oidc.finish(query, cookies, requestId);
      response.redirect(302, `${SIGNED_IN_PAGE}${smallWindow}`);
    } catch (error) {
      if (!(error instanceof HttpException) || error.getStatus() === 404) throw error;
      response.redirect(302, `/?sign-in-error=${encodeURIComponent(error.message)}${smallWindow}`);
    }
  }

  /** Her access token, from the sign-in (or refresh) cookie the callback left: how the page signs in after it. */
  @Public()
  @Post('session')
  @HttpCode(200)
  session(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @RequestId() requestId: string | null,
  ): Promise<LoginResult> {
    return this.oidc.refresh(cookieJar(request, response), requestId);
  }

  @Public()
  @Post('sign-out')
  @HttpCode(200)
  signOut(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<SignOutResult> {
    return this.oidc.signOut(cookieJar(request, response));
  }
}
