import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ProviderEntity } from './provider.entity';

/** A PCC area a woman is released to, and the CRS provider contracted there. */
@Entity('release_areas')
export class ReleaseAreaEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'varchar', length: 10 })
  country!: string;

  /** Her probation office's phone number, printed on her release plan; null when not held. */
  @Column({ type: 'text', nullable: true })
  probationPhone!: string | null;

  @Column({ type: 'uuid', nullable: true })
  providerId!: string | null;

  @ManyToOne(() => ProviderEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'provider_id' })
  provider?: ProviderEntity | null;
}
