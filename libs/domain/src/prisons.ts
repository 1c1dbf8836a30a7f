/** The women's prisons in England (there are none in Wales), and the code for a released woman. */
export const PRISONS = [
  { code: 'AGI', name: 'Askham Grange' },
  { code: 'BZI', name: 'Bronzefield' },
  { code: 'DHI', name: 'Drake Hall' },
  { code: 'DWI', name: 'Downview' },
  { code: 'ESI', name: 'East Sutton Park' },
  { code: 'EWI', name: 'Eastwood Park' },
  { code: 'FHI', name: 'Foston Hall' },
  { code: 'LNI', name: 'Low Newton' },
  { code: 'NHI', name: 'New Hall' },
  { code: 'PFI', name: 'Peterborough' },
  { code: 'SDI', name: 'Send' },
  { code: 'STI', name: 'Styal' },
] as const;

export type PrisonCode = (typeof PRISONS)[number]['code'];

/** The prison code a woman carries once she has been released. */
export const RELEASED_PRISON_CODE = 'OUT';

export const PRISON_CODES: readonly string[] = PRISONS.map((p) => p.code);
