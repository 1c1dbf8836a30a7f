/**
 * The women's prisons in England (there are none in Wales), with the town a released woman sets off from,
 * and the code for a released woman.
 */
export const PRISONS = [
  { code: 'AGI', name: 'Askham Grange', town: 'York' },
  { code: 'BZI', name: 'Bronzefield', town: 'Ashford' },
  { code: 'DHI', name: 'Drake Hall', town: 'Stafford' },
  { code: 'DWI', name: 'Downview', town: 'Sutton' },
  { code: 'ESI', name: 'East Sutton Park', town: 'Maidstone' },
  { code: 'EWI', name: 'Eastwood Park', town: 'Falfield' },
  { code: 'FHI', name: 'Foston Hall', town: 'Derby' },
  { code: 'LNI', name: 'Low Newton', town: 'Durham' },
  { code: 'NHI', name: 'New Hall', town: 'Wakefield' },
  { code: 'PFI', name: 'Peterborough', town: 'Peterborough' },
  { code: 'SDI', name: 'Send', town: 'Woking' },
  { code: 'STI', name: 'Styal', town: 'Wilmslow' },
] as const;

export type PrisonCode = (typeof PRISONS)[number]['code'];

/** The prison code a woman carries once she has been released. */
export const RELEASED_PRISON_CODE = 'OUT';

export const PRISON_CODES: readonly string[] = PRISONS.map((p) => p.code);

export function prisonTown(code: string): string | null {
  return PRISONS.find((p) => p.code === code)?.town ?? null;
}
