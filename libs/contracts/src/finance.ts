/** Finance and ID: bank account applications and ID document applications. */
export enum BankAccountStatus {
  PENDING = 'PENDING',
  ACCOUNT_OPENED = 'ACCOUNT_OPENED',
  ACCOUNT_DECLINED = 'ACCOUNT_DECLINED',
  RETURNED_INELIGIBLE = 'RETURNED_INELIGIBLE',
  RETURNED_INACCURATE = 'RETURNED_INACCURATE',
  RETURNED_INCOMPLETE = 'RETURNED_INCOMPLETE',
  RESUBMITTED = 'RESUBMITTED',
}

export enum IdDocumentType {
  BIRTH_CERTIFICATE = 'BIRTH_CERTIFICATE',
  MARRIAGE_CERTIFICATE = 'MARRIAGE_CERTIFICATE',
  CIVIL_PARTNERSHIP_CERTIFICATE = 'CIVIL_PARTNERSHIP_CERTIFICATE',
  ADOPTION_CERTIFICATE = 'ADOPTION_CERTIFICATE',
  DECREE_ABSOLUTE = 'DECREE_ABSOLUTE',
  DRIVING_LICENCE = 'DRIVING_LICENCE',
  /** Retired: BRPs expired on 31 December 2024 (see RETIRED_ID_DOCUMENT_TYPES); kept so old rows stay readable. */
  BIOMETRIC_RESIDENCE_PERMIT = 'BIOMETRIC_RESIDENCE_PERMIT',
  DEED_POLL = 'DEED_POLL',
  /** HMRC's letter confirming a number she already has (form CA5403). */
  NATIONAL_INSURANCE_NUMBER_LETTER = 'NATIONAL_INSURANCE_NUMBER_LETTER',
  /** A number she never had, from DWP. */
  NEW_NATIONAL_INSURANCE_NUMBER = 'NEW_NATIONAL_INSURANCE_NUMBER',
  /** Access to her eVisa: a UKVI account linked to her identity document, and a share code to prove her status. */
  EVISA_ACCESS = 'EVISA_ACCESS',
}

export enum IdApplicationStatus {
  APPLIED = 'APPLIED',
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}

export interface IdDocumentIssuer {
  label: string;
  issuer: string;
  /** Typical fee in pence; the application records what was actually paid. */
  typicalCostPence: number;
  /** Calendar days from application to the document arriving at the prison, as the issuers quote them. */
  leadTimeDays: number;
}

export interface IdDocumentTiming {
  /** The date the application should be made by; null when her release date is unknown. */
  applyBy: string | null;
  /** Whether applying today would still arrive before release (with the margin); null when unknown. */
  feasibleBeforeRelease: boolean | null;
  /** In words, for the board, when the normal route is too slow. */
  warning: string | null;
}

export type EligibilityVerdict = { eligible: true } | { eligible: false; reasons: string[] };

/** A change of an application's status, as its log shows it. */
export interface ApplicationStatusChange<S extends string> {
  fromStatus: S | null;
  toStatus: S;
  reason: string | null;
  actorId: string | null;
  at: string;
}

export interface BankAccountApplicationView {
  id: string;
  womanId: string;
  bankName: string;
  status: BankAccountStatus;
  appliedOn: string;
  notes: string | null;
  createdById: string;
  version: number;
  createdAt: string;
  statusLog: ApplicationStatusChange<BankAccountStatus>[];
}

/** `GET /women/:id/bank-account`: whether she may apply (with the reasons), any barrier, and her applications. */
export interface BankAccountView {
  eligibility: EligibilityVerdict;
  barrier: string | null;
  applications: BankAccountApplicationView[];
}

export interface IdDocumentApplicationView {
  id: string;
  womanId: string;
  documentType: IdDocumentType;
  status: IdApplicationStatus;
  appliedOn: string;
  costPence: number;
  expectedBy: string;
  receivedOn: string | null;
  rejectionReason: string | null;
  refundPence: number | null;
  notes: string | null;
  createdById: string;
  version: number;
  createdAt: string;
  /** The issuer's name for the document. */
  label: string;
  /** Still awaited and expected after her release date: it will have to follow her out. */
  arrivesAfterRelease: boolean;
}

/** A document she may apply for: its issuer, fee and lead time, when to apply by, and any application open. */
export type IdDocumentOptionView = { documentType: IdDocumentType } & IdDocumentIssuer &
  IdDocumentTiming & { activeApplicationId: string | null };

/** `GET /women/:id/id-documents`. */
export interface IdDocumentsView {
  documents: IdDocumentOptionView[];
  applications: IdDocumentApplicationView[];
}
