/**
 * Applies HMPPS prison-offender-events (received, released) so a prison's own systems drive the board. The
 * event id is recorded in the same transaction as the change it causes: a redelivered event finds its id
 * and is answered with the first outcome, never applied twice.
 */
import { ConflictException, Injectable } from '@nestjs/common';
import { HmppsEventsRepository, TaskEntity, UnitOfWork, WomenRepository } from '@app/database';
import { londonDateOf, movementOf, PRISON_CODES } from '@app/domain';
import { Actor, DeadlineScheduler } from '@app/resettlement';
import { Clock } from '../common/clock';
import { HmppsDomainEventDto } from './movement.dto';
import { MovementsService } from './movements.service';

export interface HmppsEventReceipt {
  eventId: string;
  /** APPLIED, IGNORED or UNKNOWN_PERSON. */
  outcome: string;
  detail: string;
  /** True when this id had been received before: nothing was done this time. */
  duplicate: boolean;
}

@Injectable()
export class HmppsEventsService {
  constructor(
    private readonly events: HmppsEventsRepository,
    private readonly women: WomenRepository,
    private readonly movements: MovementsService,
    private readonly scheduler: DeadlineScheduler,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async receive(body: HmppsDomainEventDto, requestId: string | null): Promise<HmppsEventReceipt> {
    const movement = movementOf(body);
    const actor: Actor = { id: null, role: 'HMPPS_EVENTS', requestId };
    const now = this.clock.now();
    const result = await this.unitOfWork.run(async (tx) => {
      const fresh = await this.events.claim(tx, {
        eventId: body.eventId,
        eventType: body.eventType,
        prisonNumber: movement.prisonNumber,
        occurredAt: new Date(body.occurredAt),
        payload: body as unknown as Record<string, unknown>,
      });
      if (!fresh) {
        const first = await this.events.find(tx, body.eventId);
        return {
          receipt: {
            eventId: body.eventId,
            outcome: first?.outcome ?? 'RECEIVED',
            detail: first?.detail ?? '',
            duplicate: true,
          },
          tasks: [],
        };
      }
      const settle = async (outcome: string, detail: string, tasks: TaskEntity[] = []) => {
        await this.events.recordOutcome(tx, body.eventId, outcome, detail);
        return { receipt: { eventId: body.eventId, outcome, detail, duplicate: false }, tasks };
      };
      if (movement.kind === 'IGNORED') return settle('IGNORED', movement.why);
      const woman = await this.women.findByPrisonNumberForUpdate(tx, movement.prisonNumber);
      if (!woman) return settle('UNKNOWN_PERSON', `Nobody with prison number ${movement.prisonNumber} is on Resettle`);
      if ('prisonCode' in movement && !PRISON_CODES.includes(movement.prisonCode)) {
        return settle('IGNORED', `${movement.prisonCode} is not a women's prison on Resettle`);
      }
      try {
        switch (movement.kind) {
          case 'RECALL':
            return settle(
              'APPLIED',
              `Recalled to ${movement.prisonCode} (${movement.movementReason})`,
              await this.movements.recall(
                tx,
                woman,
                {
                  prisonCode: movement.prisonCode,
                  movementReason: movement.movementReason,
                  receptionDate: londonDateOf(new Date(body.occurredAt)),
                  basis: { kind: 'HMPPS_EVENT', eventId: body.eventId },
                },
                actor,
                now,
              ),
            );
          case 'TRANSFER':
            return settle(
              'APPLIED',
              `Transferred to ${movement.prisonCode}`,
              await this.movements.transfer(
                tx,
                woman,
                { prisonCode: movement.prisonCode, reason: `HMPPS event ${body.eventType}` },
                actor,
                now,
              ),
            );
          case 'RELEASE':
            return settle(
              'APPLIED',
              `Released from ${movement.fromPrisonCode ?? woman.prisonCode}`,
              await this.movements.release(tx, woman, londonDateOf(new Date(body.occurredAt)), actor, now),
            );
          case 'ADMISSION':
            if (woman.transferredToHospitalOn === null) {
              return settle('IGNORED', 'An admission that is not a recall: the pre-release team adds a new woman');
            }
            return settle(
              'APPLIED',
              `Returned from a secure hospital to ${movement.prisonCode}`,
              await this.movements.returnFromHospital(tx, woman, movement.prisonCode, actor, now),
            );
          case 'HOSPITAL':
            return settle(
              'APPLIED',
              `Transferred from ${movement.fromPrisonCode ?? woman.prisonCode} to a secure hospital`,
              await this.movements.transferToHospital(tx, woman, londonDateOf(new Date(body.occurredAt)), actor, now),
            );
        }
      } catch (error) {
        // A movement that contradicts what Resettle holds (a recall of a woman in custody) is recorded, not retried.
        if (error instanceof ConflictException) return settle('IGNORED', error.message);
        throw error;
      }
    });
    await this.scheduler.schedule(result.tasks, now);
    return result.receipt;
  }
}
