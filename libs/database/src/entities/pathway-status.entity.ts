import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Pathway, PathwayStatus } from '@app/domain';
import { WomanEntity } from './woman.entity';

/** A woman's current status on one resettlement pathway. */
@Entity('pathway_statuses')
export class PathwayStatusEntity {
  @PrimaryColumn({ type: 'uuid' })
  womanId!: string;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  pathway!: Pathway;

  @ManyToOne(() => WomanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'woman_id' })
  woman?: WomanEntity;

  @Column({ type: 'varchar', length: 24 })
  status!: PathwayStatus;

  /** When the need was first identified: anchors need-identified deadlines (e.g. CRS referral in 2 working days). */
  @Column({ type: 'timestamptz', nullable: true })
  needIdentifiedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  updatedById!: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
