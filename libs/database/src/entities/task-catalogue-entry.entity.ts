import { Column, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import {
  DEFAULT_ESCALATION_LADDER,
  DeadlineAnchor,
  EligibilityRule,
  EscalationStep,
  IneligibleAlternative,
  OffsetUnit,
  Pathway,
  Role,
} from '@app/domain';

/** One admin-editable task template: what a SUPPORT_REQUIRED pathway turns into, and when it is due. */
@Entity('task_catalogue')
export class TaskCatalogueEntryEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  key!: string;

  @Column({ type: 'varchar', length: 40 })
  pathway!: Pathway;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'varchar', length: 20 })
  ownerRole!: Role;

  @Column({ type: 'varchar', length: 16 })
  deadlineAnchor!: DeadlineAnchor;

  @Column({ type: 'integer' })
  deadlineOffset!: number;

  @Column({ type: 'varchar', length: 16 })
  deadlineUnit!: OffsetUnit;

  @Column({ type: 'integer' })
  atRiskLeadWorkingDays!: number;

  @Column({ type: 'boolean' })
  releaseCritical!: boolean;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  eligibility!: EligibilityRule;

  @Column({ type: 'jsonb', nullable: true })
  ineligibleAlternative!: IneligibleAlternative | null;

  @Column({ type: 'jsonb', default: () => `'${JSON.stringify(DEFAULT_ESCALATION_LADDER)}'` })
  escalationLadder!: EscalationStep[];

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @VersionColumn()
  version!: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
