/** Release-day plans, their appointments, and the travel-time table the feasibility check reads. */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReleaseDayAppointmentEntity, ReleaseDayPlanEntity, TravelTimeEntity } from '../entities';
import { Tx } from './unit-of-work.types';

@Injectable()
export class ReleaseDayRepository {
  constructor(private readonly dataSource: DataSource) {}

  findPlan(womanId: string, tx?: Tx): Promise<ReleaseDayPlanEntity | null> {
    return (tx ?? this.dataSource.manager).getRepository(ReleaseDayPlanEntity).findOneBy({ womanId });
  }

  listAppointments(womanId: string, tx?: Tx): Promise<ReleaseDayAppointmentEntity[]> {
    return (tx ?? this.dataSource.manager)
      .getRepository(ReleaseDayAppointmentEntity)
      .find({ where: { womanId }, order: { startsAt: 'ASC' } });
  }

  savePlan(tx: Tx, plan: Partial<ReleaseDayPlanEntity>): Promise<ReleaseDayPlanEntity> {
    const repo = tx.getRepository(ReleaseDayPlanEntity);
    return repo.save(repo.create(plan));
  }

  insertAppointment(tx: Tx, appointment: Partial<ReleaseDayAppointmentEntity>): Promise<ReleaseDayAppointmentEntity> {
    const repo = tx.getRepository(ReleaseDayAppointmentEntity);
    return repo.save(repo.create(appointment));
  }

  async deleteAppointment(tx: Tx, womanId: string, id: string): Promise<ReleaseDayAppointmentEntity | null> {
    const repo = tx.getRepository(ReleaseDayAppointmentEntity);
    const found = await repo.findOneBy({ id, womanId });
    if (found) await repo.delete({ id });
    return found;
  }

  listTravelTimes(): Promise<TravelTimeEntity[]> {
    return this.dataSource.getRepository(TravelTimeEntity).find({ order: { fromTown: 'ASC', toTown: 'ASC' } });
  }

  async replaceTravelTimes(tx: Tx, rows: Partial<TravelTimeEntity>[]): Promise<void> {
    await tx.query('DELETE FROM travel_times');
    if (rows.length > 0) await tx.getRepository(TravelTimeEntity).insert(rows);
  }
}
