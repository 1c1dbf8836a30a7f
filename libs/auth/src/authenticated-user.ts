/** Who is asking: the signed-in user as every guard, service and gateway handler sees her. */
import { AccessScope, Role } from '@app/domain';

export interface AuthenticatedUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  prisonCodes: string[];
  providerId: string | null;
  /** Her team (prison code, release area, or provider id) and whether she manages it: alert rooms. */
  teamKey: string | null;
  isManager: boolean;
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
