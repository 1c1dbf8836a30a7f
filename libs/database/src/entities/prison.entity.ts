import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A prison: the 12 women's prisons from @app/domain PRISONS, and any others a national data set adds. */
@Entity('prisons')
export class PrisonEntity {
  @PrimaryColumn({ type: 'varchar', length: 3 })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  /** The region reports roll it up into (@app/domain REGIONS). */
  @Column({ type: 'varchar', length: 16, nullable: true })
  regionCode!: string | null;
}
