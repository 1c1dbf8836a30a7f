import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AssessmentKind, AssessmentMethod, Pathway, PathwayStatus } from '@app/domain';
import { WomanEntity } from './woman.entity';

export interface AssessmentPathwayOutcome {
  pathway: Pathway;
  status: PathwayStatus;
  notes?: string | null;
}

/** An immediate-needs or pre-release assessment, with how it was done and its finding per pathway. */
@Entity('assessments')
@Index(['womanId', 'assessedAt'])
export class AssessmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  womanId!: string;

  @ManyToOne(() => WomanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'woman_id' })
  woman?: WomanEntity;

  @Column({ type: 'varchar', length: 20 })
  kind!: AssessmentKind;

  @Column({ type: 'varchar', length: 12 })
  method!: AssessmentMethod;

  @Column({ type: 'timestamptz' })
  assessedAt!: Date;

  @Column({ type: 'uuid' })
  assessedById!: string;

  @Column({ type: 'jsonb' })
  outcomes!: AssessmentPathwayOutcome[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
