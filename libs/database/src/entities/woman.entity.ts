import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import {
  Complexity,
  CustodyStatus,
  DayOfReleaseRule,
  ReleaseDateSource,
  ReleaseType,
  SensitiveFlag,
} from '@app/domain';
import { ReleaseAreaEntity } from './release-area.entity';
import { UserEntity } from './user.entity';

/** A woman in custody (or released) whose resettlement is being planned. */
@Entity('women')
@Index(['prisonCode', 'releaseDate'])
export class WomanEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 7 })
  prisonNumber!: string;

  @Column({ type: 'text' })
  firstName!: string;

  @Column({ type: 'text' })
  lastName!: string;

  @Column({ type: 'date' })
  dateOfBirth!: string;

  /** A prison code, or OUT once released. */
  @Column({ type: 'varchar', length: 3 })
  prisonCode!: string;

  @Column({ type: 'varchar', length: 12 })
  custodyStatus!: CustodyStatus;

  @Column({ type: 'date', nullable: true })
  sentenceStartDate!: string | null;

  @Column({ type: 'date' })
  receptionDate!: string;

  @Column({ type: 'date', nullable: true })
  conditionalReleaseDate!: string | null;

  @Column({ type: 'date', nullable: true })
  automaticReleaseDate!: string | null;

  @Column({ type: 'date', nullable: true })
  paroleEligibilityDate!: string | null;

  @Column({ type: 'date', nullable: true })
  hdcEligibilityDate!: string | null;

  @Column({ type: 'date', nullable: true })
  hdcActualDate!: string | null;

  @Column({ type: 'date', nullable: true })
  actualParoleDate!: string | null;

  @Column({ type: 'date', nullable: true })
  confirmedReleaseDate!: string | null;

  /** Overrides and further dates as HMPPS's sentence calculation holds them (prison-api SentenceCalcDates). */
  @Column({ type: 'date', nullable: true })
  conditionalReleaseOverrideDate!: string | null;

  @Column({ type: 'date', nullable: true })
  automaticReleaseOverrideDate!: string | null;

  @Column({ type: 'date', nullable: true })
  nonParoleDate!: string | null;

  @Column({ type: 'date', nullable: true })
  nonParoleOverrideDate!: string | null;

  @Column({ type: 'date', nullable: true })
  postRecallReleaseDate!: string | null;

  @Column({ type: 'date', nullable: true })
  postRecallReleaseOverrideDate!: string | null;

  @Column({ type: 'date', nullable: true })
  sentenceExpiryDate!: string | null;

  @Column({ type: 'date', nullable: true })
  sentenceExpiryOverrideDate!: string | null;

  @Column({ type: 'date', nullable: true })
  licenceExpiryDate!: string | null;

  @Column({ type: 'date', nullable: true })
  licenceExpiryOverrideDate!: string | null;

  @Column({ type: 'date', nullable: true })
  sentenceAndLicenceExpiryDate!: string | null;

  @Column({ type: 'date', nullable: true })
  topupSupervisionExpiryDate!: string | null;

  /**
   * The day she walks out (HMPPS precedence, then the day-of-release rules): every task counts from it, and
   * boards filter on it.
   */
  @Column({ type: 'date', nullable: true })
  releaseDate!: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  releaseDateSource!: ReleaseDateSource | null;

  /** Which date was used and why, or why she has none (a recall with no PRRD yet). */
  @Column({ type: 'text', nullable: true })
  releaseDateReason!: string | null;

  /** The date her sentence says (by precedence), before the day-of-release rules moved it. */
  @Column({ type: 'date', nullable: true })
  scheduledReleaseDate!: string | null;

  /** Which rule took her from the scheduled date to the walk-out day, or why the Friday rule did not apply. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  releaseDayRule!: DayOfReleaseRule | null;

  /** Indeterminate sentences (life, IPP) are left out of the Friday and pre-bank-holiday release presumption. */
  @Column({ type: 'boolean', default: false })
  indeterminateSentence!: boolean;

  /** Her COM's reason for asking that she go one more working day early; null when no request stands. */
  @Column({ type: 'text', nullable: true })
  releaseDayRequestReason!: string | null;

  @Column({ type: 'uuid', nullable: true })
  releaseDayRequestedById!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  releaseDayRequestedAt!: Date | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  releaseType!: ReleaseType | null;

  @Index()
  @Column({ type: 'varchar', length: 40 })
  releaseAreaCode!: string;

  @ManyToOne(() => ReleaseAreaEntity)
  @JoinColumn({ name: 'release_area_code' })
  releaseArea?: ReleaseAreaEntity;

  @Column({ type: 'uuid', nullable: true })
  pomId!: string | null;

  @ManyToOne(() => UserEntity, { nullable: true })
  @JoinColumn({ name: 'pom_id' })
  pom?: UserEntity | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  comId!: string | null;

  @ManyToOne(() => UserEntity, { nullable: true })
  @JoinColumn({ name: 'com_id' })
  com?: UserEntity | null;

  /** Keyworkers are prison officers who may not use Resettle, so only the name is held. */
  @Column({ type: 'text', nullable: true })
  keyworkerName!: string | null;

  @Column({ type: 'varchar', length: 6 })
  complexity!: Complexity;

  /** Special category data: never sent to roles the visibility policy keeps them from. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  sensitiveFlags!: SensitiveFlag[];

  /** Null until someone records whether she has one: the board warns when the normal route is too slow. */
  @Column({ type: 'boolean', nullable: true })
  hasNationalInsuranceNumber!: boolean | null;

  /** Why no bank will take her application (an existing joint account, an offence a bank refuses). */
  @Column({ type: 'text', nullable: true })
  bankingBarrier!: string | null;

  /** The last time she was released, and from where (the prison keeps her outcomes). */
  @Column({ type: 'date', nullable: true })
  releasedOn!: string | null;

  @Column({ type: 'varchar', length: 3, nullable: true })
  releasedFromPrisonCode!: string | null;

  @Column({ type: 'integer', default: 0 })
  recallCount!: number;

  /** Transferred from prison to a secure hospital (HMPPS RELEASED_TO_HOSPITAL): still serving her sentence. */
  @Column({ type: 'date', nullable: true })
  transferredToHospitalOn!: string | null;

  @Column({ type: 'varchar', length: 3, nullable: true })
  transferredToHospitalFromPrisonCode!: string | null;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
