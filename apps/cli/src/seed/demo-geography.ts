/**
 * Where the women held in each demo prison go home to. Women are held far from home (there are only twelve
 * women's prisons), so each prison mostly serves its region but a tail of women go to areas anywhere.
 */
import { PrisonCode, ReleaseAreaCode } from '@app/domain';

export type AreaWeights = Readonly<Partial<Record<ReleaseAreaCode, number>>>;

/** The share of women at a prison whose release area is drawn from the whole of England and Wales. */
export const FAR_FROM_HOME_SHARE = 0.07;

export const RELEASE_AREA_WEIGHTS_BY_PRISON: Readonly<Record<PrisonCode, AreaWeights>> = {
  // Askham Grange, an open prison in North Yorkshire.
  AGI: { WEST_YORKSHIRE: 30, SOUTH_YORKSHIRE: 20, NORTH_YORKSHIRE: 15, HUMBERSIDE: 15, NORTHUMBRIA: 10, CLEVELAND: 10 },
  // Bronzefield, near Ashford in Surrey: the largest women's prison, London's main one.
  BZI: { LONDON: 55, SURREY: 10, KENT: 8, SUSSEX: 7, THAMES_VALLEY: 7, HAMPSHIRE: 5, ESSEX: 4, HERTFORDSHIRE: 4 },
  // Drake Hall in Staffordshire.
  DHI: {
    WEST_MIDLANDS: 35,
    STAFFORDSHIRE: 20,
    WEST_MERCIA: 15,
    WARWICKSHIRE: 8,
    CHESHIRE: 8,
    NORTH_WALES: 7,
    DERBYSHIRE: 7,
  },
  // Downview, Sutton.
  DWI: { LONDON: 50, SURREY: 20, SUSSEX: 12, KENT: 10, HAMPSHIRE: 8 },
  // East Sutton Park, an open prison in Kent.
  ESI: { KENT: 40, LONDON: 25, SUSSEX: 15, ESSEX: 10, SURREY: 10 },
  // Eastwood Park, South Gloucestershire: the South West and Wales.
  EWI: {
    AVON_AND_SOMERSET: 25,
    SOUTH_WALES: 18,
    GLOUCESTERSHIRE: 12,
    DEVON_AND_CORNWALL: 12,
    GWENT: 10,
    DYFED_POWYS: 6,
    WILTSHIRE: 7,
    DORSET: 5,
    WEST_MERCIA: 5,
  },
  // Foston Hall, Derbyshire.
  FHI: {
    DERBYSHIRE: 22,
    NOTTINGHAMSHIRE: 25,
    LEICESTERSHIRE: 18,
    LINCOLNSHIRE: 12,
    STAFFORDSHIRE: 8,
    WEST_MIDLANDS: 8,
    NORTHAMPTONSHIRE: 7,
  },
  // Low Newton, Durham: the North East and Cumbria.
  LNI: { NORTHUMBRIA: 40, DURHAM: 22, CLEVELAND: 22, CUMBRIA: 8, NORTH_YORKSHIRE: 8 },
  // New Hall, West Yorkshire.
  NHI: { WEST_YORKSHIRE: 40, SOUTH_YORKSHIRE: 25, HUMBERSIDE: 15, NORTH_YORKSHIRE: 10, LINCOLNSHIRE: 10 },
  // Peterborough: the East of England.
  PFI: {
    CAMBRIDGESHIRE: 22,
    NORFOLK: 15,
    SUFFOLK: 12,
    ESSEX: 15,
    BEDFORDSHIRE: 10,
    HERTFORDSHIRE: 8,
    NORTHAMPTONSHIRE: 6,
    LINCOLNSHIRE: 6,
    LONDON: 6,
  },
  // Send, Surrey.
  SDI: { LONDON: 30, SURREY: 20, HAMPSHIRE: 15, SUSSEX: 15, THAMES_VALLEY: 12, KENT: 8 },
  // Styal, Cheshire: the North West and North Wales.
  STI: { GREATER_MANCHESTER: 42, MERSEYSIDE: 22, LANCASHIRE: 14, CHESHIRE: 12, CUMBRIA: 5, NORTH_WALES: 5 },
};
