import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One release from custody, and the recall that ended it if there was one: the base of outcome reports. */
@Entity('releases')
@Index('releases_by_prison_and_day', ['prisonCode', 'releasedOn'])
@Index('releases_by_woman', ['womanId', 'releasedOn'])
export class ReleaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  womanId!: string;

  /** The prison that released her. */
  @Column({ type: 'varchar', length: 3 })
  prisonCode!: string;

  @Index('releases_by_day')
  @Column({ type: 'date' })
  releasedOn!: string;

  @Column({ type: 'date', nullable: true })
  recalledOn!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
