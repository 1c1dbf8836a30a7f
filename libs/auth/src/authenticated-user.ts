/** Who is asking: the signed-in user as every guard, service and gateway handler sees her. */
import type { CurrentUserView } from '@app/contracts';
import { AccessScope, Role } from '@app/domain';

/** What the API tells her about herself (the contract's CurrentUserView), and the access scope it decides by. */
export interface AuthenticatedUser extends CurrentUserView {
  scope: AccessScope;
}

/** The claims inside a Resettle access token. Scope is re-read from the database on every request. */
export interface AccessTokenClaims {
  sub: string;
  role: Role;
  name: string;
  /** When she signed in with her password (epoch seconds); refreshed tokens keep it, to cap a session. */
  authTime?: number;
}
