import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from '@app/domain';
import { ProviderEntity } from './provider.entity';

/** A person who signs in: her role and postings decide what she may see. */
@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index({ unique: true })
  @Column({ type: 'text' })
  username!: string;

  @Column({ type: 'text' })
  displayName!: string;

  @Column({ type: 'text' })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 20 })
  role!: Role;

  /** The prisons a prison-based user or governor works in. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  prisonCodes!: string[];

  @Column({ type: 'uuid', nullable: true })
  providerId!: string | null;

  /** A regional manager's region; her prisonCodes are its prisons. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  regionCode!: string | null;

  @ManyToOne(() => ProviderEntity, { nullable: true })
  @JoinColumn({ name: 'provider_id' })
  provider?: ProviderEntity | null;

  /**
   * The team she works in: a prison code for prison staff, a release area code for COMs, a provider id
   * for CRS caseworkers. Alerts go to the owning team's room; escalations to its managers.
   */
  @Column({ type: 'text', nullable: true })
  teamKey!: string | null;

  @Column({ type: 'boolean', default: false })
  isManager!: boolean;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** Where GOV.UK Notify messages reach her; she keeps these herself (users/me/settings). */
  @Column({ type: 'text', nullable: true })
  email!: string | null;

  /** A UK mobile number, stored as +447xxxxxxxxx. */
  @Column({ type: 'text', nullable: true })
  mobile!: string | null;

  @Column({ type: 'boolean', default: true })
  notifyByEmail!: boolean;

  @Column({ type: 'boolean', default: false })
  notifyBySms!: boolean;

  /** Whether alerts on tasks she has claimed are sent to her as well as shown on the board. */
  @Column({ type: 'boolean', default: false })
  notifyClaimedTasks!: boolean;

  /** The web app's language for her ('en' or 'cy'); null until she chooses one. */
  @Column({ type: 'varchar', length: 2, nullable: true })
  preferredLanguage!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
