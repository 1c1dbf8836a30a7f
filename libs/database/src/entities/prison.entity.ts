import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A women's prison (reference data from @app/domain PRISONS). */
@Entity('prisons')
export class PrisonEntity {
  @PrimaryColumn({ type: 'varchar', length: 3 })
  code!: string;

  @Column({ type: 'text' })
  name!: string;
}
