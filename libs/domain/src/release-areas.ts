/**
 * Release areas: the Police and Crime Commissioner (policing body) areas of England and Wales.
 * A woman's release area decides which CRS provider holds her women's services contract.
 */
export const RELEASE_AREAS = [
  { code: 'AVON_AND_SOMERSET', name: 'Avon and Somerset', country: 'ENGLAND' },
  { code: 'BEDFORDSHIRE', name: 'Bedfordshire', country: 'ENGLAND' },
  { code: 'CAMBRIDGESHIRE', name: 'Cambridgeshire', country: 'ENGLAND' },
  { code: 'CHESHIRE', name: 'Cheshire', country: 'ENGLAND' },
  { code: 'CLEVELAND', name: 'Cleveland', country: 'ENGLAND' },
  { code: 'CUMBRIA', name: 'Cumbria', country: 'ENGLAND' },
  { code: 'DERBYSHIRE', name: 'Derbyshire', country: 'ENGLAND' },
  { code: 'DEVON_AND_CORNWALL', name: 'Devon and Cornwall', country: 'ENGLAND' },
  { code: 'DORSET', name: 'Dorset', country: 'ENGLAND' },
  { code: 'DURHAM', name: 'Durham', country: 'ENGLAND' },
  { code: 'ESSEX', name: 'Essex', country: 'ENGLAND' },
  { code: 'GLOUCESTERSHIRE', name: 'Gloucestershire', country: 'ENGLAND' },
  { code: 'GREATER_MANCHESTER', name: 'Greater Manchester', country: 'ENGLAND' },
  { code: 'HAMPSHIRE', name: 'Hampshire and the Isle of Wight', country: 'ENGLAND' },
  { code: 'HERTFORDSHIRE', name: 'Hertfordshire', country: 'ENGLAND' },
  { code: 'HUMBERSIDE', name: 'Humberside', country: 'ENGLAND' },
  { code: 'KENT', name: 'Kent', country: 'ENGLAND' },
  { code: 'LANCASHIRE', name: 'Lancashire', country: 'ENGLAND' },
  { code: 'LEICESTERSHIRE', name: 'Leicestershire', country: 'ENGLAND' },
  { code: 'LINCOLNSHIRE', name: 'Lincolnshire', country: 'ENGLAND' },
  { code: 'LONDON', name: 'London', country: 'ENGLAND' },
  { code: 'MERSEYSIDE', name: 'Merseyside', country: 'ENGLAND' },
  { code: 'NORFOLK', name: 'Norfolk', country: 'ENGLAND' },
  { code: 'NORTH_YORKSHIRE', name: 'North Yorkshire', country: 'ENGLAND' },
  { code: 'NORTHAMPTONSHIRE', name: 'Northamptonshire', country: 'ENGLAND' },
  { code: 'NORTHUMBRIA', name: 'Northumbria', country: 'ENGLAND' },
  { code: 'NOTTINGHAMSHIRE', name: 'Nottinghamshire', country: 'ENGLAND' },
  { code: 'SOUTH_YORKSHIRE', name: 'South Yorkshire', country: 'ENGLAND' },
  { code: 'STAFFORDSHIRE', name: 'Staffordshire', country: 'ENGLAND' },
  { code: 'SUFFOLK', name: 'Suffolk', country: 'ENGLAND' },
  { code: 'SURREY', name: 'Surrey', country: 'ENGLAND' },
  { code: 'SUSSEX', name: 'Sussex', country: 'ENGLAND' },
  { code: 'THAMES_VALLEY', name: 'Thames Valley', country: 'ENGLAND' },
  { code: 'WARWICKSHIRE', name: 'Warwickshire', country: 'ENGLAND' },
  { code: 'WEST_MERCIA', name: 'West Mercia', country: 'ENGLAND' },
  { code: 'WEST_MIDLANDS', name: 'West Midlands', country: 'ENGLAND' },
  { code: 'WEST_YORKSHIRE', name: 'West Yorkshire', country: 'ENGLAND' },
  { code: 'WILTSHIRE', name: 'Wiltshire', country: 'ENGLAND' },
  { code: 'DYFED_POWYS', name: 'Dyfed-Powys', country: 'WALES' },
  { code: 'GWENT', name: 'Gwent', country: 'WALES' },
  { code: 'NORTH_WALES', name: 'North Wales', country: 'WALES' },
  { code: 'SOUTH_WALES', name: 'South Wales', country: 'WALES' },
] as const;

export type ReleaseAreaCode = (typeof RELEASE_AREAS)[number]['code'];

/**
 * The nation whose housing law applies to a release area. Homelessness law is devolved: England has the duty
 * to refer (Housing Act 1996 s.213B, inserted by the Homelessness Reduction Act 2017), Wales the Housing
 * (Wales) Act 2014 Part 2 and the Welsh Government's national pathway for people leaving the secure estate.
 */
export type ReleaseCountry = (typeof RELEASE_AREAS)[number]['country'];

/** A stored country (release_areas.country) as a ReleaseCountry; null for anything else. */
export function asReleaseCountry(value: string | null | undefined): ReleaseCountry | null {
  return value === 'ENGLAND' || value === 'WALES' ? value : null;
}

/** Null for a code that is not a release area (the caller validates codes; this never guesses a nation). */
export function releaseAreaCountry(code: string): ReleaseCountry | null {
  return RELEASE_AREAS.find((area) => area.code === code)?.country ?? null;
}
