/** The time source, injectable so that nothing reads Date.now() behind a service's back. */
import { Injectable } from '@nestjs/common';
import { londonDateOf } from '@app/domain';

@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  today(): string {
    return londonDateOf(this.now());
  }
}
