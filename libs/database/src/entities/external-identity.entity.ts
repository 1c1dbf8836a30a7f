import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** A person's account at an OpenID Connect issuer (issuer + subject), linked to her users row. */
@Entity('external_identities')
@Unique('external_identities_one_per_subject', ['issuer', 'subject'])
export class ExternalIdentityEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  issuer!: string;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  /** When the issuer refused her refresh token: her users row was withdrawn then, until she signs in again. */
  @Column({ type: 'timestamptz', nullable: true })
  suspendedAt!: Date | null;

  /** When she last signed out: issuer tokens issued before it are refused. */
  @Column({ type: 'timestamptz', nullable: true })
  signedOutAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  lastSignedInAt!: Date;
}
