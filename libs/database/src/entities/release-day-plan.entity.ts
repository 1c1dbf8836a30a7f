import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { ReleaseDayChecklist } from '@app/domain';

/** The practical side of her release day: one plan per woman. Appointments are rows of their own. */
@Entity('release_day_plans')
export class ReleaseDayPlanEntity {
  @PrimaryColumn({ type: 'uuid' })
  womanId!: string;

  @Column({ type: 'jsonb' })
  checklist!: ReleaseDayChecklist;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  @Column({ type: 'uuid', nullable: true })
  updatedById!: string | null;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
