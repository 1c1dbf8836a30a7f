/** The role groups the rules read (the Role enum itself is the contract, @app/contracts). */
import { Role } from '@app/contracts';
export { Role } from '@app/contracts';

export const ROLES: readonly Role[] = Object.values(Role);

/** Roles that work inside a prison and see the women of their prisons. */
export const PRISON_ROLES: readonly Role[] = [Role.PRE_RELEASE_TEAM, Role.POM, Role.GOVERNOR, Role.REGIONAL_MANAGER];

/** Roles that oversee prisons' work (boards and reports) without doing or changing casework. */
export const OVERSIGHT_ROLES: readonly Role[] = [Role.GOVERNOR, Role.REGIONAL_MANAGER];

export function isOversightRole(role: Role): boolean {
  return OVERSIGHT_ROLES.includes(role);
}
