import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { SessionAttendance, SessionDeliveryMethod } from '@app/domain';

/** A CRS delivery session booked with her under a referral's approved action plan, and what happened at it. */
@Entity('delivery_sessions')
@Index('delivery_sessions_referral_number', ['referralId', 'number'], { unique: true })
export class DeliverySessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  referralId!: string;

  /** 1, 2, 3... in the order booked. */
  @Column({ type: 'int' })
  number!: number;

  @Column({ type: 'timestamptz' })
  startsAt!: Date;

  @Column({ type: 'int' })
  durationMinutes!: number;

  @Column({ type: 'varchar', length: 40 })
  method!: SessionDeliveryMethod;

  /** The address or place of an in-person session. */
  @Column({ type: 'text', nullable: true })
  place!: string | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  attendance!: SessionAttendance | null;

  @Column({ type: 'text', nullable: true })
  attendanceReason!: string | null;

  @Column({ type: 'text', nullable: true })
  sessionSummary!: string | null;

  @Column({ type: 'text', nullable: true })
  sessionResponse!: string | null;

  @Column({ type: 'boolean', default: false })
  concernRaised!: boolean;

  @Column({ type: 'text', nullable: true })
  concernDetails!: string | null;

  @Column({ type: 'uuid' })
  bookedById!: string;

  @Column({ type: 'uuid', nullable: true })
  attendanceRecordedById!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  attendanceRecordedAt!: Date | null;

  /** The task a missed session opened. */
  @Column({ type: 'uuid', nullable: true })
  followUpTaskId!: string | null;

  @Column({ type: 'int', default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
