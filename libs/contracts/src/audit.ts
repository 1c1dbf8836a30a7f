/** The audit trail as a reader sees it: each entry as the visibility policy shows it (left out or redacted). */
export interface AuditView {
  id: string;
  entityType: string;
  entityId: string;
  action: string;
  actorId: string | null;
  actorRole: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  at: string;
}
