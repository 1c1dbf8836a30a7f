import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Pathway, Role, TaskStatus, TaskSubjectType } from '@app/domain';
import { ProviderEntity } from './provider.entity';
import { UserEntity } from './user.entity';
import { WomanEntity } from './woman.entity';

/**
 * One piece of resettlement work for one woman. The schedule state (on track, at risk, overdue) is not
 * stored: it is derived from the status and the deadlines at the moment of reading.
 */
@Entity('tasks')
@Index(['womanId', 'pathway'])
@Index('tasks_open_due_idx', ['dueAt'], { where: "status IN ('TODO','IN_PROGRESS','BLOCKED')" })
export class TaskEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  womanId!: string;

  @ManyToOne(() => WomanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'woman_id' })
  woman?: WomanEntity;

  @Column({ type: 'varchar', length: 40 })
  pathway!: Pathway;

  /** The catalogue entry it came from (with _ALTERNATIVE when she was not eligible). */
  @Column({ type: 'varchar', length: 80 })
  templateKey!: string;

  /** What the task tracks beyond the woman herself: a referral stage, an ID document application. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  subjectType!: TaskSubjectType | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  subjectId!: string | null;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'varchar', length: 20 })
  ownerRole!: Role;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  assigneeId!: string | null;

  @ManyToOne(() => UserEntity, { nullable: true })
  @JoinColumn({ name: 'assignee_id' })
  assignee?: UserEntity | null;

  @Column({ type: 'uuid', nullable: true })
  claimedByProviderId!: string | null;

  @ManyToOne(() => ProviderEntity, { nullable: true })
  @JoinColumn({ name: 'claimed_by_provider_id' })
  claimedByProvider?: ProviderEntity | null;

  @Column({ type: 'timestamptz', nullable: true })
  claimedAt!: Date | null;

  @Column({ type: 'varchar', length: 12 })
  status!: TaskStatus;

  @Column({ type: 'text', nullable: true })
  blockedReason!: string | null;

  @Column({ type: 'boolean', default: false })
  releaseCritical!: boolean;

  /** Why she could not have the task she needed (the alternative task says what to do instead). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  ineligibleReasons!: string[];

  @Column({ type: 'date', nullable: true })
  dueDate!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  // Partial index on open tasks, with due_at (made in migrations): the reconciler's at-risk scan, the horizon's read.
  @Index('tasks_open_at_risk_idx', { synchronize: false })
  @Column({ type: 'timestamptz', nullable: true })
  atRiskAt!: Date | null;

  /** When each rung of the escalation ladder is reached if nobody acknowledges the overdue alert. */
  @Column({ type: 'timestamptz', array: true, default: () => "'{}'" })
  escalationAts!: Date[];

  /** Bumped whenever the deadlines move, so queued deadline jobs for the old ones can be told apart. */
  @Column({ type: 'integer', default: 0 })
  deadlineRevision!: number;

  /** Optimistic concurrency: every write checks and bumps it. */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;
}
