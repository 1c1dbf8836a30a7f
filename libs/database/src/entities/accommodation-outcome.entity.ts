import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { AccommodationCheckpoint, AccommodationType } from '@app/domain';

/** Where she was on the night of a release, or 12 weeks after it. A correction replaces the record (audited). */
@Entity('accommodation_outcomes')
@Unique('accommodation_outcome_once_per_checkpoint', ['releaseId', 'checkpoint'])
export class AccommodationOutcomeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  releaseId!: string;

  @Column({ type: 'uuid' })
  womanId!: string;

  @Column({ type: 'varchar', length: 20 })
  checkpoint!: AccommodationCheckpoint;

  @Column({ type: 'varchar', length: 24 })
  accommodationType!: AccommodationType;

  @Column({ type: 'uuid', nullable: true })
  recordedById!: string | null;

  @Column({ type: 'timestamptz' })
  recordedAt!: Date;
}
