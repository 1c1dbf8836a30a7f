/**
 * Bull Board, read-only, for the deadline queues at /admin/queues: for admins only. It is Express middleware
 * outside Nest's guards, so it gets the same check here: the API's token (the Authorization header, or the
 * path-scoped cookie the web app sets when an admin follows its link, since a browser cannot send a header on
 * navigation) and the ADMIN role. Read-only because every deadline job is rebuilt from PostgreSQL anyway.
 */
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Queue } from 'bullmq';
import type { NextFunction, Request, Response } from 'express';
import { TokenService, bearerToken } from '@app/auth';
import { ApiErrorCode } from '@app/contracts';
import { Role } from '@app/domain';
import { DEADLINES_QUEUE } from '@app/resettlement';

export const QUEUE_BOARD_PATH = '/admin/queues';
/** Set by the web app (apps/web/src/app.tsx) for this path only, SameSite=Strict. */
export const QUEUE_BOARD_COOKIE = 'resettle_admin_token';

export function mountQueueBoard(app: NestExpressApplication): void {
  const serverAdapter = new ExpressAdapter().setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    queues: [new BullMQAdapter(app.get<Queue>(DEADLINES_QUEUE), { readOnlyMode: true })],
    serverAdapter,
  });
  app.use(QUEUE_BOARD_PATH, adminsOnly(app.get(TokenService)), serverAdapter.getRouter());
}

function adminsOnly(tokens: TokenService) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const token = bearerToken(req.headers.authorization) ?? cookie(req.headers.cookie, QUEUE_BOARD_COOKIE);
    if (!token) {
      res.status(401).json({
        statusCode: 401,
        message: 'Sign in first: send Authorization: Bearer <token>',
        code: ApiErrorCode.NOT_SIGNED_IN,
      });
      return;
    }
    tokens.authenticate(token).then(
      (user) => {
        if (user.role === Role.ADMIN) next();
        else
          res.status(403).json({
            statusCode: 403,
            message: `The queue view is not open to the ${user.role} role`,
            code: ApiErrorCode.FORBIDDEN,
          });
      },
      () =>
        res.status(401).json({
          statusCode: 401,
          message: 'The access token is invalid or has expired',
          code: ApiErrorCode.NOT_SIGNED_IN,
        }),
    );
  };
}

function cookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return null;
}
