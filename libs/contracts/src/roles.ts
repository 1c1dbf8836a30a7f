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
