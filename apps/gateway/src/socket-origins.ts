/**
 * Which web pages may open a socket. A browser sends an Origin header on every socket.io request, WebSocket
 * included; but CORS does not govern a WebSocket, so socket.io's cors option alone would still let any site's
 * page open one. So the handshake itself is refused (before authentication) when its Origin is not one of
 * GATEWAY_ALLOWED_ORIGINS, and CORS answers polling requests for those origins only.
 *
 * A request with no Origin at all is not a browser page: the tests, the bench, an operator's script. It is let
 * through to authenticate with its token like any other. Refusing it would protect nothing, since a program can
 * send whatever Origin it likes; the check exists to stop another site's page from using a signed-in browser.
 */
import type { IncomingMessage } from 'node:http';
import type { ServerOptions } from 'socket.io';

export function socketOriginOptions(
  allowedOrigins: readonly string[],
  onRefused: (origin: string) => void,
): Pick<ServerOptions, 'cors' | 'allowRequest'> {
  const allowed = new Set(allowedOrigins);
  return {
    cors: { origin: [...allowed], methods: ['GET', 'POST'] },
    allowRequest: (request: IncomingMessage, decide: (error: string | null, success: boolean) => void) => {
      const origin = request.headers.origin;
      if (origin === undefined || allowed.has(origin)) {
        decide(null, true);
        return;
      }
      onRefused(origin);
      decide('origin not allowed', false);
    },
  };
}
