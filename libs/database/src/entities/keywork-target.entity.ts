import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** How often she should have a keywork session, once someone has set it (without a row: the default). */
@Entity('keywork_targets')
export class KeyworkTargetEntity {
  @PrimaryColumn({ type: 'uuid' })
  womanId!: string;

  @Column({ type: 'integer' })
  frequencyWeeks!: number;

  @Column({ type: 'uuid' })
  setById!: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
