/**
 * The fictional CRS providers of the demo board and the release areas each one holds the women's services
 * contract for. Every name is invented: a demo must never look like it speaks for a real charity.
 */
import { RELEASE_AREAS, ReleaseAreaCode } from '@app/domain';

export interface DemoProvider {
  name: string;
  /** Three letters, the suffix of the provider's referral references. */
  contractSuffix: string;
  allowsDirectReferral: boolean;
  releaseAreaCodes: readonly ReleaseAreaCode[];
}

/** Grouped by region, the way CRS contracts were let, so each provider covers neighbouring areas. */
export const DEMO_PROVIDERS: readonly DemoProvider[] = [
  {
    name: "Northern Women's Resettlement Partnership",
    contractSuffix: 'NWR',
    allowsDirectReferral: true,
    releaseAreaCodes: ['GREATER_MANCHESTER', 'MERSEYSIDE', 'CHESHIRE', 'LANCASHIRE', 'CUMBRIA'],
  },
  {
    name: "Tyne and Tees Women's Futures",
    contractSuffix: 'TTW',
    allowsDirectReferral: false,
    releaseAreaCodes: ['NORTHUMBRIA', 'DURHAM', 'CLEVELAND'],
  },
  {
    name: "Pennine Women's Pathways",
    contractSuffix: 'PWP',
    allowsDirectReferral: true,
    releaseAreaCodes: ['WEST_YORKSHIRE', 'SOUTH_YORKSHIRE', 'NORTH_YORKSHIRE', 'HUMBERSIDE'],
  },
  {
    name: "Trent Valley Women's Link",
    contractSuffix: 'TVL',
    allowsDirectReferral: false,
    releaseAreaCodes: ['DERBYSHIRE', 'NOTTINGHAMSHIRE', 'LEICESTERSHIRE', 'LINCOLNSHIRE', 'NORTHAMPTONSHIRE'],
  },
  {
    name: "Heart of England Women's Resettlement",
    contractSuffix: 'HEW',
    allowsDirectReferral: true,
    releaseAreaCodes: ['WEST_MIDLANDS', 'STAFFORDSHIRE', 'WARWICKSHIRE', 'WEST_MERCIA'],
  },
  {
    name: "Fenland and Coast Women's Service",
    contractSuffix: 'FCW',
    allowsDirectReferral: false,
    releaseAreaCodes: ['CAMBRIDGESHIRE', 'NORFOLK', 'SUFFOLK', 'ESSEX', 'BEDFORDSHIRE', 'HERTFORDSHIRE'],
  },
  {
    name: "Capital Women's Resettlement Collective",
    contractSuffix: 'CWR',
    allowsDirectReferral: true,
    releaseAreaCodes: ['LONDON'],
  },
  {
    name: "Weald and Downs Women's Network",
    contractSuffix: 'WDN',
    allowsDirectReferral: false,
    releaseAreaCodes: ['KENT', 'SURREY', 'SUSSEX'],
  },
  {
    name: "Solent and Thames Women's Partnership",
    contractSuffix: 'STW',
    allowsDirectReferral: true,
    releaseAreaCodes: ['HAMPSHIRE', 'THAMES_VALLEY'],
  },
  {
    name: "Severn and Moor Women's Trust",
    contractSuffix: 'SMW',
    allowsDirectReferral: false,
    releaseAreaCodes: ['AVON_AND_SOMERSET', 'GLOUCESTERSHIRE', 'WILTSHIRE', 'DORSET', 'DEVON_AND_CORNWALL'],
  },
  {
    name: "Cymru Women's Resettlement Partnership",
    contractSuffix: 'CWP',
    allowsDirectReferral: true,
    releaseAreaCodes: ['DYFED_POWYS', 'GWENT', 'NORTH_WALES', 'SOUTH_WALES'],
  },
];

/** The demo provider holding an area's contract; throws for an area no provider covers. */
export function demoProviderForArea(areaCode: string): DemoProvider {
  const provider = DEMO_PROVIDERS.find((p) => (p.releaseAreaCodes as readonly string[]).includes(areaCode));
  if (!provider) {
    throw new Error(`No demo CRS provider covers the release area ${areaCode}`);
  }
  return provider;
}

/** Release areas no provider covers, or covered twice: both would break the CRS referral routing. */
export function demoProviderCoverageProblems(): string[] {
  const problems: string[] = [];
  for (const area of RELEASE_AREAS) {
    const holders = DEMO_PROVIDERS.filter((p) => (p.releaseAreaCodes as readonly string[]).includes(area.code));
    if (holders.length !== 1) {
      problems.push(`${area.code} is covered by ${holders.length} providers`);
    }
  }
  return problems;
}

/**
 * The demo's phone numbers, for her printed release plan: made-up numbers from the ranges Ofcom keeps for drama
 * and never gives to anyone (Ofcom, "Telephone numbers for use in TV and radio drama programmes": 01632 960000 to
 * 960999, and 0808 157 0000 to 0999 for freephone), so a demo plan never sends anyone to a real office.
 */
export function demoProviderPhone(index: number): string {
  return `0808 157 0${String(100 + index).padStart(3, '0')}`;
}

/** Her probation office's number in the demo: one Ofcom drama number per release area. */
export function demoProbationPhone(index: number): string {
  return `01632 960${String(index).padStart(3, '0')}`;
}
