/**
 * Turns body-parser failures (malformed JSON, oversized bodies) into the API's error shape instead of an
 * HTML page, so a client always learns which part of its request was wrong; and a database that cannot be
 * reached into a 503 that says to try again (see database-unavailable.ts), never a 500. Every error body it
 * sends carries its stable `code` (error-codes.ts), which the web turns into English or Welsh.
 */
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { Request, Response } from 'express';
import { ApiErrorCode } from '@app/contracts';
import { errorCodeFor } from './error-codes';
import {
  DATABASE_RETRY_AFTER_SECONDS,
  DATABASE_UNAVAILABLE_MESSAGE,
  isDatabaseUnavailable,
} from './database-unavailable';

interface BodyParserError {
  type?: string;
  status?: number;
  message?: string;
}

@Catch()
export class BodyParserErrorsFilter extends BaseExceptionFilter implements ExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): void {
    // Nest wraps body-parser errors in an HttpException whose cause is the original error.
    const error = ((exception as { cause?: unknown }).cause ?? exception) as BodyParserError;
    if (error && typeof error === 'object' && error.type === 'entity.parse.failed') {
      this.reply(host, HttpStatus.BAD_REQUEST, 'The request body is not valid JSON', ApiErrorCode.INVALID_JSON);
      return;
    }
    if (error && typeof error === 'object' && error.type === 'entity.too.large') {
      this.reply(host, HttpStatus.PAYLOAD_TOO_LARGE, 'The request body is too large', ApiErrorCode.BODY_TOO_LARGE);
      return;
    }
    if (isDatabaseUnavailable(exception)) {
      const response = host.switchToHttp().getResponse<Response>();
      response.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
      response.status(HttpStatus.SERVICE_UNAVAILABLE).json({
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        error: 'Service Unavailable',
        message: DATABASE_UNAVAILABLE_MESSAGE,
        code: ApiErrorCode.SERVICE_UNAVAILABLE,
      });
      return;
    }
    if (exception instanceof HttpException) {
      const http = host.switchToHttp();
      const status = exception.getStatus();
      const raw = exception.getResponse();
      const body: Record<string, unknown> =
        typeof raw === 'string' ? { statusCode: status, message: raw } : { ...(raw as Record<string, unknown>) };
      const code = errorCodeFor(status, body, http.getRequest<Request>().path);
      http
        .getResponse<Response>()
        .status(status)
        .json({ ...body, code });
      return;
    }
    super.catch(exception, host);
  }

  private reply(host: ArgumentsHost, status: number, message: string, code: ApiErrorCode): void {
    const response = host.switchToHttp().getResponse<Response>();
    response
      .status(status)
      .json({ statusCode: status, message, code, fields: [{ field: 'body', messages: [message] }] });
  }
}
