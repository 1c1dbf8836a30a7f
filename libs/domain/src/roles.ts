/** The people who share a woman's resettlement work, as the inspection names them. */
export enum Role {
  PRE_RELEASE_TEAM = 'PRE_RELEASE_TEAM',
  POM = 'POM',
  COM = 'COM',
  CRS_CASEWORKER = 'CRS_CASEWORKER',
  GOVERNOR = 'GOVERNOR',
  /** Oversees the prisons of one region as a governor oversees hers; her prisons are the region's. */
  REGIONAL_MANAGER = 'REGIONAL_MANAGER',
  ADMIN = 'ADMIN',
}

export const ROLES: readonly Role[] = Object.values(Role);

/** Roles that work inside a prison and see the women of their prisons. */
export const PRISON_ROLES: readonly Role[] = [Role.PRE_RELEASE_TEAM, Role.POM, Role.GOVERNOR, Role.REGIONAL_MANAGER];

/** Roles that oversee prisons' work (boards and reports) without doing or changing casework. */
export const OVERSIGHT_ROLES: readonly Role[] = [Role.GOVERNOR, Role.REGIONAL_MANAGER];

export function isOversightRole(role: Role): boolean {
  return OVERSIGHT_ROLES.includes(role);
}
