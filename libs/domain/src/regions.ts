/**
 * The regions reports roll prisons up into, and which region each women's prison sits in. The women's
 * estate is managed nationally by HMPPS; regions here follow geography so that a regional manager sees the
 * women's prisons alongside the rest of her area's estate.
 */
export const REGIONS = [
  { code: 'LONDON', name: 'London' },
  { code: 'KSS', name: 'Kent, Surrey and Sussex' },
  { code: 'EAST', name: 'East of England' },
  { code: 'MIDLANDS', name: 'Midlands' },
  { code: 'NORTH_WEST', name: 'North West' },
  { code: 'YORKSHIRE', name: 'Yorkshire and the Humber' },
  { code: 'NORTH_EAST', name: 'North East' },
  { code: 'SOUTH_WEST', name: 'South West' },
  { code: 'SOUTH_CENTRAL', name: 'South Central' },
  { code: 'WALES', name: 'Wales' },
] as const;

export type RegionCode = (typeof REGIONS)[number]['code'];

export const REGION_CODES: readonly string[] = REGIONS.map((r) => r.code);

/** The region of each of the 12 women's prisons. */
export const WOMENS_PRISON_REGIONS: Readonly<Record<string, RegionCode>> = {
  AGI: 'YORKSHIRE',
  BZI: 'KSS',
  DHI: 'MIDLANDS',
  DWI: 'LONDON',
  ESI: 'KSS',
  EWI: 'SOUTH_WEST',
  FHI: 'MIDLANDS',
  LNI: 'NORTH_EAST',
  NHI: 'YORKSHIRE',
  PFI: 'EAST',
  SDI: 'KSS',
  STI: 'NORTH_WEST',
};
