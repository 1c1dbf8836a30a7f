/**
 * Security headers (helmet) on everything the API serves: the JSON API, the web app at / and the Swagger UI at
 * /docs. The web app's Content-Security-Policy admits only its own origin for scripts, styles and requests, plus
 * the live board's gateway (http and ws); pages may not be framed; HSTS is sent only when users reach the
 * service over TLS (BEHIND_TLS), since a browser that saw it would refuse plain http to the host for a year.
 * The Swagger UI's page carries inline styles, so /docs has a policy of its own that allows them.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

export interface SecurityHeaderSettings {
  behindTls: boolean;
  /** Where the web app's pages find the gateway; null: port 3001 of the host that served the page. */
  publicGatewayUrl: string | null;
}

/** What the web app falls back to without PUBLIC_GATEWAY_URL (apps/web/src/live.ts). */
const DEFAULT_GATEWAY_PORT = 3001;
const HOSTNAME = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])$/;
const ONE_YEAR_SECONDS = 31_536_000;

/** The http(s) origin of a gateway and its ws(s) twin: socket.io's websocket transport uses the latter. */
function originAndWebSocketOrigin(origin: string): string {
  const ws = origin.replace(/^http/, 'ws');
  return `${origin} ${ws}`;
}

/**
 * The gateway sources for connect-src: from PUBLIC_GATEWAY_URL, or else from the request's own host (so the
 * policy names exactly the host the page will connect to). An unusable Host header gives nothing extra.
 */
export function gatewaySources(
  publicGatewayUrl: string | null,
  request: { protocol: string; hostname: string | undefined },
): string {
  if (publicGatewayUrl) return originAndWebSocketOrigin(new URL(publicGatewayUrl).origin);
  const hostname = request.hostname ?? '';
  if (!HOSTNAME.test(hostname) || !['http', 'https'].includes(request.protocol)) return '';
  return originAndWebSocketOrigin(`${request.protocol}://${hostname}:${DEFAULT_GATEWAY_PORT}`);
}

/** Directives both policies share: nothing from elsewhere, no plugins, no framing, no <base> tricks. */
function commonDirectives(behindTls: boolean): Record<string, string[] | null> {
  return {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'font-src': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    'img-src': ["'self'", 'data:'],
    'object-src': ["'none'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    // Only over TLS: on plain http it would send the page's requests (and the gateway's ws) to https.
    'upgrade-insecure-requests': behindTls ? [] : null,
  };
}

export function securityHeaders(settings: SecurityHeaderSettings): RequestHandler {
  const shared = {
    strictTransportSecurity: settings.behindTls ? { maxAge: ONE_YEAR_SECONDS, includeSubDomains: false } : false,
    xFrameOptions: { action: 'deny' as const },
  };
  const gateway = (req: IncomingMessage, _res: ServerResponse): string => {
    const request = req as Request;
    return gatewaySources(settings.publicGatewayUrl, { protocol: request.protocol, hostname: request.hostname });
  };
  const app = helmet({
    ...shared,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        ...commonDirectives(settings.behindTls),
        'connect-src': ["'self'", gateway],
        'style-src': ["'self'"],
      },
    },
  });
  const docs = helmet({
    ...shared,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        ...commonDirectives(settings.behindTls),
        'connect-src': ["'self'"],
        // swagger-ui's page has <style> blocks and style attributes of its own.
        'style-src': ["'self'", "'unsafe-inline'"],
      },
    },
  });
  return (req: Request, res: Response, next: NextFunction) =>
    (req.path === '/docs' || req.path.startsWith('/docs/') ? docs : app)(req, res, next);
}
