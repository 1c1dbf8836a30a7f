import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ReferralPathway, ReferralRiskInformation, ReferralStatus, Role } from '@app/domain';
import type { EndOfServiceReport, ReferralNeedsAndRequirements } from '@app/contracts';
export type { EndOfServiceReport } from '@app/contracts';

/** A CRS referral: from a woman to the provider of her release area, for one or more pathways. */
@Entity('referrals')
@Index(['providerId', 'status'])
export class ReferralEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Two letters, four digits and the provider's contract suffix: AB1234WOS. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 14 })
  reference!: string;

  @Index()
  @Column({ type: 'uuid' })
  womanId!: string;

  @Column({ type: 'uuid' })
  providerId!: string;

  @Column({ type: 'varchar', length: 40 })
  releaseAreaCode!: string;

  @Column({ type: 'varchar', length: 24 })
  status!: ReferralStatus;

  @Column({ type: 'jsonb' })
  pathways!: ReferralPathway[];

  /** Only what the provider needs and cannot see for itself (OASys, nDelius). */
  @Column({ type: 'jsonb', nullable: true })
  riskInformation!: ReferralRiskInformation | null;

  @Column({ type: 'text', nullable: true })
  additionalInformation!: string | null;

  @Column({ type: 'uuid' })
  createdById!: string;

  @Column({ type: 'uuid', nullable: true })
  referrerId!: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  referrerRole!: Role | null;

  /** The earliest need-identified time of its pathways: the start of the COM's two working days. */
  @Column({ type: 'timestamptz', nullable: true })
  needIdentifiedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  firstSentAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  caseworkerId!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  assignedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  assessmentBookedAt!: Date | null;

  /** When the assessment appointment itself is. */
  @Column({ type: 'timestamptz', nullable: true })
  assessmentAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  actionPlan!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  actionPlanSubmittedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  actionPlanApprovedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  actionPlanApprovedById!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  deliveryStartedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  @Column({ type: 'jsonb', nullable: true })
  endOfServiceReport!: EndOfServiceReport | null;

  /** What the provider needs to know to work with her: accessibility, interpreter, when she is unavailable. */
  @Column({ type: 'jsonb', nullable: true })
  needsAndRequirements!: ReferralNeedsAndRequirements | null;

  @Column({ type: 'text', nullable: true })
  withdrawnReason!: string | null;

  /** One of WITHDRAWAL_REASONS' codes; the free text stays in withdrawnReason. */
  @Column({ type: 'varchar', length: 3, nullable: true })
  withdrawalReasonCode!: string | null;

  /** The last reason it was returned; every return is in the status log. */
  @Column({ type: 'text', nullable: true })
  returnedReason!: string | null;

  /** The code of the last return (RETURN_REASONS); every return's code is in the status log. */
  @Column({ type: 'varchar', length: 24, nullable: true })
  returnedReasonCode!: string | null;

  @Column({ type: 'integer', default: 0 })
  timesReturned!: number;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
