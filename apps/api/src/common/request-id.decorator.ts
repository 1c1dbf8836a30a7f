import { createParamDecorator, ExecutionContext } from '@nestjs/common';

/** The id pino-http gave this request (from X-Request-Id when the caller sent one). */
export const RequestId = createParamDecorator((_: unknown, ctx: ExecutionContext): string | null => {
  const request = ctx.switchToHttp().getRequest<{ id?: unknown }>();
  return typeof request.id === 'string' ? request.id : null;
});
