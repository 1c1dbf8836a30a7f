/** Lets in HMPPS's event forwarder by the shared secret it presents as a bearer token, compared in constant time. */
import {
  CanActivate,
  ExecutionContext,
  Inject,
  Injectable,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import { Request } from 'express';
import { API_SETTINGS, ApiSettings } from '../config/api.config';

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

@Injectable()
export class HmppsEventsGuard implements CanActivate {
  constructor(@Inject(API_SETTINGS) private readonly settings: ApiSettings) {}

  canActivate(context: ExecutionContext): boolean {
    const expected = this.settings.hmppsEventsToken;
    if (!expected)
      throw new ServiceUnavailableException('HMPPS event intake is not configured (set HMPPS_EVENTS_TOKEN)');
    const header = context.switchToHttp().getRequest<Request>().headers.authorization ?? '';
    const presented = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
    // Hashing first makes the comparison constant-time whatever the lengths.
    if (!timingSafeEqual(digest(presented), digest(expected))) {
      throw new UnauthorizedException('A valid HMPPS events token is required');
    }
    return true;
  }
}
