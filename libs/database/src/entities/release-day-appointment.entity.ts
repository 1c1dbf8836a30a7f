import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { AppointmentKind } from '@app/domain';

/** One appointment on her release day, with where it is (the town drives the travel-time check). */
@Entity('release_day_appointments')
@Index(['womanId', 'startsAt'])
export class ReleaseDayAppointmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  womanId!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: AppointmentKind;

  @Column({ type: 'timestamptz' })
  startsAt!: Date;

  @Column({ type: 'integer' })
  durationMinutes!: number;

  @Column({ type: 'text' })
  place!: string;

  @Column({ type: 'text' })
  town!: string;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
