/** What the bank account and ID document endpoints answer with (named for the API document's schemas). */
import type {
  BankAccountApplicationEntity,
  BankAccountStatusChangeEntity,
  IdDocumentApplicationEntity,
} from '@app/database';
import type { EligibilityVerdict, IdDocumentIssuer, IdDocumentTiming, IdDocumentType } from '@app/domain';

/** An application row as stored, its timestamps aside; createdAt as an ISO string. */
type ApplicationRecord<Entity> = Omit<Entity, 'createdAt' | 'updatedAt'> & { createdAt: string };

export type BankAccountStatusChangeView = Pick<
  BankAccountStatusChangeEntity,
  'fromStatus' | 'toStatus' | 'reason' | 'actorId' | 'at'
>;

export type BankAccountApplicationView = ApplicationRecord<BankAccountApplicationEntity> & {
  statusLog: BankAccountStatusChangeView[];
};

export interface BankAccountOverview {
  eligibility: EligibilityVerdict;
  barrier: string | null;
  applications: BankAccountApplicationView[];
}

export type IdDocumentOption = { documentType: IdDocumentType } & IdDocumentIssuer &
  IdDocumentTiming & { activeApplicationId: string | null };

export type IdDocumentApplicationView = ApplicationRecord<IdDocumentApplicationEntity> & {
  label: string;
  arrivesAfterRelease: boolean;
};

export interface IdDocumentsOverview {
  documents: IdDocumentOption[];
  applications: IdDocumentApplicationView[];
}
