/**
 * The shape of the national synthetic estate: the 12 women's prisons (real codes and regions) and 108
 * synthetic prisons for the men's estate, the region each release area sits in, and how many people each
 * prison holds and has released in the last year at a given scale. Pure, so the sizes are checked by a spec.
 */
import { PRISONS, RegionCode, RELEASE_AREAS, ReleaseAreaCode, WOMENS_PRISON_REGIONS } from '@app/domain';

export interface EstatePrison {
  code: string;
  name: string;
  regionCode: RegionCode;
  womens: boolean;
  /** People in custody here now, before recalls bring some of the released back. */
  custody: number;
  /** People this prison released in the last 365 days. */
  released: number;
  /** Global index of its first person in custody and of its first released person (see planEstate). */
  firstCustody: number;
  firstReleased: number;
}

/**
 * Full-size totals. Recalls (about a tenth of releases) bring people back into custody, so custody ends near
 * 90,000 with about 3,600 in the women's prisons. Women turn over faster: more, shorter sentences.
 */
export const NATIONAL_TOTALS = {
  womenInCustody: 3_150,
  menInCustody: 81_300,
  womenReleasedInYear: 4_500,
  menReleasedInYear: 51_500,
} as const;

/** How the synthetic men's prisons spread over the regions (roughly as the public estate does). */
const SYNTHETIC_PRISONS_PER_REGION: Readonly<Record<RegionCode, number>> = {
  LONDON: 8,
  KSS: 14,
  EAST: 12,
  MIDLANDS: 16,
  NORTH_WEST: 12,
  YORKSHIRE: 12,
  NORTH_EAST: 7,
  SOUTH_WEST: 9,
  SOUTH_CENTRAL: 12,
  WALES: 6,
};

/** Relative size of each women's prison (operational capacity, rounded). */
const WOMENS_PRISON_WEIGHTS: Readonly<Record<string, number>> = {
  AGI: 120,
  BZI: 560,
  DHI: 340,
  DWI: 350,
  ESI: 100,
  EWI: 380,
  FHI: 300,
  LNI: 300,
  NHI: 400,
  PFI: 360,
  SDI: 280,
  STI: 450,
};

/** Where a release area sits, so most people are released near the prison that holds them. */
export const RELEASE_AREA_REGIONS: Readonly<Record<ReleaseAreaCode, RegionCode>> = {
  AVON_AND_SOMERSET: 'SOUTH_WEST',
  BEDFORDSHIRE: 'EAST',
  CAMBRIDGESHIRE: 'EAST',
  CHESHIRE: 'NORTH_WEST',
  CLEVELAND: 'NORTH_EAST',
  CUMBRIA: 'NORTH_WEST',
  DERBYSHIRE: 'MIDLANDS',
  DEVON_AND_CORNWALL: 'SOUTH_WEST',
  DORSET: 'SOUTH_WEST',
  DURHAM: 'NORTH_EAST',
  ESSEX: 'EAST',
  GLOUCESTERSHIRE: 'SOUTH_WEST',
  GREATER_MANCHESTER: 'NORTH_WEST',
  HAMPSHIRE: 'SOUTH_CENTRAL',
  HERTFORDSHIRE: 'EAST',
  HUMBERSIDE: 'YORKSHIRE',
  KENT: 'KSS',
  LANCASHIRE: 'NORTH_WEST',
  LEICESTERSHIRE: 'MIDLANDS',
  LINCOLNSHIRE: 'MIDLANDS',
  LONDON: 'LONDON',
  MERSEYSIDE: 'NORTH_WEST',
  NORFOLK: 'EAST',
  NORTH_YORKSHIRE: 'YORKSHIRE',
  NORTHAMPTONSHIRE: 'MIDLANDS',
  NORTHUMBRIA: 'NORTH_EAST',
  NOTTINGHAMSHIRE: 'MIDLANDS',
  SOUTH_YORKSHIRE: 'YORKSHIRE',
  STAFFORDSHIRE: 'MIDLANDS',
  SUFFOLK: 'EAST',
  SURREY: 'KSS',
  SUSSEX: 'KSS',
  THAMES_VALLEY: 'SOUTH_CENTRAL',
  WARWICKSHIRE: 'MIDLANDS',
  WEST_MERCIA: 'MIDLANDS',
  WEST_MIDLANDS: 'MIDLANDS',
  WEST_YORKSHIRE: 'YORKSHIRE',
  WILTSHIRE: 'SOUTH_WEST',
  DYFED_POWYS: 'WALES',
  GWENT: 'WALES',
  NORTH_WALES: 'WALES',
  SOUTH_WALES: 'WALES',
};

/**
 * 'N00'..'N99' then 'P00'..'P07': no real prison code has a digit in it, so these can never clash with the
 * women's prisons (or with 'OUT').
 */
export function syntheticPrisonCodes(count: number): string[] {
  const letters = 'NP';
  if (count > letters.length * 100) throw new RangeError(`At most ${letters.length * 100} synthetic prison codes`);
  return Array.from({ length: count }, (_, i) => `${letters[Math.floor(i / 100)]}${String(i % 100).padStart(2, '0')}`);
}

/** The women's prisons, then the synthetic men's prisons region by region. */
export function estatePrisons(): { code: string; name: string; regionCode: RegionCode; womens: boolean }[] {
  const regions = Object.entries(SYNTHETIC_PRISONS_PER_REGION) as [RegionCode, number][];
  const codes = syntheticPrisonCodes(regions.reduce((sum, [, n]) => sum + n, 0));
  const synthetic = regions.flatMap(([regionCode, n]) => Array.from({ length: n }, () => regionCode));
  return [
    ...PRISONS.map((p) => ({ code: p.code, name: p.name, regionCode: WOMENS_PRISON_REGIONS[p.code], womens: true })),
    ...codes.map((code, i) => ({ code, name: `Synthetic prison ${code}`, regionCode: synthetic[i], womens: false })),
  ];
}

/** Splits a total over weights so the parts add up to it exactly (largest remainder). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  const left = total - parts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < left; k++) parts[order[k].i]++;
  return parts;
}

/**
 * Every prison with its people. Person indexes are global and dense: everyone in custody first, prison by
 * prison, then everyone released in the last year, so each person's row and random draws follow from her index.
 */
export function planEstate(scale: number): EstatePrison[] {
  if (!(scale > 0 && scale <= 1)) throw new RangeError(`The scale is a fraction above 0 and at most 1, not ${scale}`);
  const prisons = estatePrisons();
  // Men's prisons vary between half and one and a half times the average, in a fixed pattern.
  const weights = prisons.map((p, i) => (p.womens ? WOMENS_PRISON_WEIGHTS[p.code] : 0.5 + ((i * 37) % 100) / 100));
  const split = (womensTotal: number, mensTotal: number): number[] => {
    const womens = apportion(
      Math.round(womensTotal * scale),
      weights.filter((_, i) => prisons[i].womens),
    );
    const mens = apportion(
      Math.round(mensTotal * scale),
      weights.filter((_, i) => !prisons[i].womens),
    );
    return [...womens, ...mens];
  };
  const custody = split(NATIONAL_TOTALS.womenInCustody, NATIONAL_TOTALS.menInCustody);
  const released = split(NATIONAL_TOTALS.womenReleasedInYear, NATIONAL_TOTALS.menReleasedInYear);
  const totalCustody = custody.reduce((a, b) => a + b, 0);
  let nextCustody = 0;
  let nextReleased = totalCustody;
  return prisons.map((p, i) => {
    const prison = {
      ...p,
      custody: custody[i],
      released: released[i],
      firstCustody: nextCustody,
      firstReleased: nextReleased,
    };
    nextCustody += custody[i];
    nextReleased += released[i];
    return prison;
  });
}

/** Release areas with their region, in the order the reference data lists them. */
export function releaseAreasByRegion(): { code: ReleaseAreaCode; regionCode: RegionCode }[] {
  return RELEASE_AREAS.map((a) => ({ code: a.code, regionCode: RELEASE_AREA_REGIONS[a.code] }));
}
