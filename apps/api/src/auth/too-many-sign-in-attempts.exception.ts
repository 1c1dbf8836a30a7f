/** A sign-in refused by throttling: 429 with Retry-After, and a message a person can act on. */
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import { Response } from 'express';
import { ApiErrorCode } from '@app/contracts';

function inWords(seconds: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (seconds < 60) return plural(seconds, 'second');
  if (seconds < 3600) return plural(Math.ceil(seconds / 60), 'minute');
  return plural(Math.ceil(seconds / 3600), 'hour');
}

export class TooManySignInAttemptsException extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    // One message whichever limit was reached, and for known and unknown usernames alike.
    super(
      {
        statusCode: HttpStatus.TOO_MANY_REQUESTS,
        error: 'Too Many Requests',
        message: `Too many failed sign-in attempts. Try again in ${inWords(retryAfterSeconds)}.`,
        retryAfterSeconds,
        code: ApiErrorCode.TOO_MANY_SIGN_IN_ATTEMPTS,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

/** Adds the Retry-After header (RFC 9110 §10.2.3, in seconds) that Nest's own exception handling does not. */
@Catch(TooManySignInAttemptsException)
export class TooManySignInAttemptsFilter implements ExceptionFilter<TooManySignInAttemptsException> {
  catch(exception: TooManySignInAttemptsException, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    response
      .status(exception.getStatus())
      .setHeader('Retry-After', String(exception.retryAfterSeconds))
      .json(exception.getResponse());
  }
}
