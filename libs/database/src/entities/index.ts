import { AccessChangeEntity } from './access-change.entity';
import { AccommodationOutcomeEntity } from './accommodation-outcome.entity';
import { ReleaseEntity } from './release.entity';
import { BankAccountApplicationEntity } from './bank-account-application.entity';
import { BankAccountStatusChangeEntity } from './bank-account-status-change.entity';
import { HmppsDomainEventEntity } from './hmpps-domain-event.entity';
import { IdDocumentApplicationEntity } from './id-document-application.entity';
import { KeyworkSessionEntity } from './keywork-session.entity';
import { KeyworkTargetEntity } from './keywork-target.entity';
import { ReferralEntity } from './referral.entity';
import { DeliverySessionEntity } from './delivery-session.entity';
import { ReferralStatusChangeEntity } from './referral-status-change.entity';
import { ReferralTransferEntity } from './referral-transfer.entity';
import { ReleaseDayAppointmentEntity } from './release-day-appointment.entity';
import { ReleaseDayPlanEntity } from './release-day-plan.entity';
import { TravelTimeEntity } from './travel-time.entity';
import { AlertEntity } from './alert.entity';
import { AssessmentEntity } from './assessment.entity';
import { AuditEventEntity } from './audit-event.entity';
import { PathwayStatusEntity } from './pathway-status.entity';
import { PrisonEntity } from './prison.entity';
import { OutboxEventEntity } from './outbox-event.entity';
import { ProviderEntity } from './provider.entity';
import { ReleaseAreaEntity } from './release-area.entity';
import { TaskCatalogueEntryEntity } from './task-catalogue-entry.entity';
import { TaskNoteEntity } from './task-note.entity';
import { TaskStatusChangeEntity } from './task-status-change.entity';
import { TaskEntity } from './task.entity';
import { UserEntity } from './user.entity';
import { ExternalIdentityEntity } from './external-identity.entity';
import { WomanEntity } from './woman.entity';

export {
  AccessChangeEntity,
  AccommodationOutcomeEntity,
  ReleaseEntity,
  BankAccountApplicationEntity,
  BankAccountStatusChangeEntity,
  HmppsDomainEventEntity,
  IdDocumentApplicationEntity,
  KeyworkSessionEntity,
  KeyworkTargetEntity,
  ReferralEntity,
  ReferralStatusChangeEntity,
  ReferralTransferEntity,
  DeliverySessionEntity,
  ReleaseDayAppointmentEntity,
  ReleaseDayPlanEntity,
  TravelTimeEntity,
  AlertEntity,
  OutboxEventEntity,
  AssessmentEntity,
  AuditEventEntity,
  PathwayStatusEntity,
  PrisonEntity,
  ProviderEntity,
  ReleaseAreaEntity,
  TaskCatalogueEntryEntity,
  TaskNoteEntity,
  TaskStatusChangeEntity,
  TaskEntity,
  UserEntity,
  ExternalIdentityEntity,
  WomanEntity,
};
export type { AssessmentPathwayOutcome } from './assessment.entity';
export type { AlertRecipients } from './alert.entity';
export type { EndOfServiceReport } from './referral.entity';

export const ENTITIES = [
  PrisonEntity,
  ProviderEntity,
  ReleaseAreaEntity,
  UserEntity,
  WomanEntity,
  PathwayStatusEntity,
  AssessmentEntity,
  TaskCatalogueEntryEntity,
  TaskEntity,
  TaskNoteEntity,
  TaskStatusChangeEntity,
  AuditEventEntity,
  AlertEntity,
  OutboxEventEntity,
  AccessChangeEntity,
  BankAccountApplicationEntity,
  BankAccountStatusChangeEntity,
  HmppsDomainEventEntity,
  IdDocumentApplicationEntity,
  ReferralEntity,
  ReferralStatusChangeEntity,
  ReferralTransferEntity,
  DeliverySessionEntity,
  ReleaseDayAppointmentEntity,
  ReleaseDayPlanEntity,
  TravelTimeEntity,
  ReleaseEntity,
  AccommodationOutcomeEntity,
  KeyworkSessionEntity,
  KeyworkTargetEntity,
  ExternalIdentityEntity,
];
