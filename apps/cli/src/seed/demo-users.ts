/**
 * The demo board's staff: the sign-ins the README walks through (prt, pom, com, crs, governor, regional, admin) and a
 * few colleagues so the board has more than one person's work on it. All names are fictional.
 */
import { ReleaseAreaCode, Role } from '@app/domain';

/** One password for every demo account, so the README can print it; never use the seed outside a demo. */
export const DEMO_PASSWORD = 'resettle-demo';

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  prisonCodes: readonly string[];
  /** A CRS caseworker works for the provider holding this area's contract. */
  providerOfArea?: ReleaseAreaCode;
  /** A COM's team is the probation area she works in (alerts on COM tasks go to its room). */
  teamArea?: ReleaseAreaCode;
  /** Managers receive the first rung of the escalation ladder for their team. */
  isManager?: boolean;
  /** A regional manager's region; her prisonCodes are its women's prisons. */
  regionCode?: string;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'prt', displayName: 'Joanne Whitfield', role: Role.PRE_RELEASE_TEAM, prisonCodes: ['STI'] },
  { username: 'pom', displayName: 'Sarah Okafor', role: Role.POM, prisonCodes: ['STI'] },
  { username: 'com', displayName: 'Rachel Burrows', role: Role.COM, prisonCodes: [], teamArea: 'GREATER_MANCHESTER' },
  {
    username: 'crs',
    displayName: 'Ellie Marsden',
    role: Role.CRS_CASEWORKER,
    prisonCodes: [],
    providerOfArea: 'GREATER_MANCHESTER',
  },
  { username: 'governor', displayName: 'Helen Castleford', role: Role.GOVERNOR, prisonCodes: ['STI'] },
  { username: 'admin', displayName: 'Amira Hussain', role: Role.ADMIN, prisonCodes: [] },
  {
    username: 'regional',
    displayName: 'Patricia Oduya',
    role: Role.REGIONAL_MANAGER,
    prisonCodes: ['BZI', 'ESI', 'SDI'],
    regionCode: 'KSS',
  },
  { username: 'prt.bzi', displayName: 'Karen Doyle', role: Role.PRE_RELEASE_TEAM, prisonCodes: ['BZI'] },
  { username: 'governor.bzi', displayName: 'Margaret Ellison', role: Role.GOVERNOR, prisonCodes: ['BZI'] },
  { username: 'pom.bzi', displayName: 'Lucy Adebayo', role: Role.POM, prisonCodes: ['BZI'] },
  { username: 'pom.ewi', displayName: 'Gwen Pritchard', role: Role.POM, prisonCodes: ['EWI'] },
  { username: 'com2', displayName: 'Daniel Ashworth', role: Role.COM, prisonCodes: [], teamArea: 'LONDON' },
  { username: 'com3', displayName: 'Naomi Fletcher', role: Role.COM, prisonCodes: [], teamArea: 'WEST_MIDLANDS' },
  {
    username: 'prt.manager',
    displayName: 'Bernadette Quayle',
    role: Role.PRE_RELEASE_TEAM,
    prisonCodes: ['STI'],
    isManager: true,
  },
  {
    username: 'com.manager',
    displayName: 'Imran Siddiqui',
    role: Role.COM,
    prisonCodes: [],
    teamArea: 'GREATER_MANCHESTER',
    isManager: true,
  },
  {
    username: 'crs.london',
    displayName: 'Tasha Greene',
    role: Role.CRS_CASEWORKER,
    prisonCodes: [],
    providerOfArea: 'LONDON',
  },
];

/** Usernames the generated caseload refers to, so a typo fails the spec rather than the seed. */
export const DEMO_USERNAMES = {
  admin: 'admin',
  com: 'com',
  com2: 'com2',
  com3: 'com3',
  /** The caseworker who takes the demo referrals (see demo-referrals.ts). */
  crs: 'crs',
  /** The pre-release team member of each prison that has one; elsewhere the admin stands in. */
  preReleaseTeamByPrison: { STI: 'prt', BZI: 'prt.bzi' } as Readonly<Record<string, string>>,
  /** The POM most women at these prisons are allocated to. */
  pomByPrison: { STI: 'pom', BZI: 'pom.bzi', EWI: 'pom.ewi' } as Readonly<Record<string, string>>,
} as const;
