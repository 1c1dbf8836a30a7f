import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Someone's access may have changed: a user (her prisons, provider, team, role or active flag) or a woman (her
 * prison, COM, POM or release area). Written only by the database's triggers, at commit, in id order; the
 * gateways poll it to re-check the rooms of the sockets concerned (see the AccessChanges migration).
 */
@Entity('access_changes')
export class AccessChangeEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ type: 'uuid', nullable: true })
  userId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  womanId!: string | null;

  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  changedAt!: Date;
}
