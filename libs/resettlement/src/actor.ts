/** Who is making a change, as the audit trail records it. A null id means the system itself. */
export interface Actor {
  id: string | null;
  role: string | null;
  requestId: string | null;
}

export const SYSTEM_ACTOR: Actor = { id: null, role: 'SYSTEM', requestId: null };
