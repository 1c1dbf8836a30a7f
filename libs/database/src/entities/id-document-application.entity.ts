import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { IdApplicationStatus, IdDocumentType } from '@app/domain';

/** An application for one ID document. At most one is active (APPLIED) per woman and type. */
@Entity('id_document_applications')
export class IdDocumentApplicationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: 'uuid' })
  womanId!: string;

  @Column({ type: 'varchar', length: 40 })
  documentType!: IdDocumentType;

  @Column({ type: 'varchar', length: 12 })
  status!: IdApplicationStatus;

  @Column({ type: 'date' })
  appliedOn!: string;

  @Column({ type: 'integer' })
  costPence!: number;

  /** When the issuer's lead time says it should arrive: the tracking task falls due then. */
  @Column({ type: 'date' })
  expectedBy!: string;

  @Column({ type: 'date', nullable: true })
  receivedOn!: string | null;

  @Column({ type: 'text', nullable: true })
  rejectionReason!: string | null;

  @Column({ type: 'integer', nullable: true })
  refundPence!: number | null;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  @Column({ type: 'uuid' })
  createdById!: string;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
