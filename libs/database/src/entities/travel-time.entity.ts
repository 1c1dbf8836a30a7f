import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Minutes by public transport between two towns, either way round: the release-day feasibility table. */
@Entity('travel_times')
export class TravelTimeEntity {
  @PrimaryColumn({ type: 'text' })
  fromTown!: string;

  @PrimaryColumn({ type: 'text' })
  toTown!: string;

  @Column({ type: 'integer' })
  minutes!: number;
}
