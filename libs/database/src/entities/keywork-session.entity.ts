import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * That a keywork session took place: the day, the keyworker and the prison. What was said stays in the prison's
 * own case notes (NOMIS type KA), so there is no column for it.
 */
@Entity('keywork_sessions')
@Index('IDX_keywork_sessions_woman_on', ['womanId', 'sessionOn'])
@Index('IDX_keywork_sessions_prison_on', ['prisonCode', 'sessionOn'])
export class KeyworkSessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  womanId!: string;

  @Column({ type: 'varchar', length: 3 })
  prisonCode!: string;

  @Column({ type: 'date' })
  sessionOn!: string;

  /** Keyworkers are prison officers who may not use Resettle, so the name is held, as on her record. */
  @Column({ type: 'text' })
  keyworkerName!: string;

  @Column({ type: 'uuid' })
  recordedById!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
