import { PRISON_CODES, REGION_CODES, RELEASE_AREAS, RELEASED_PRISON_CODE } from '@app/domain';
import {
  apportion,
  estatePrisons,
  NATIONAL_TOTALS,
  planEstate,
  RELEASE_AREA_REGIONS,
  syntheticPrisonCodes,
} from './national-estate';

describe('the national synthetic estate', () => {
  it('has the 12 women’s prisons and 108 synthetic ones whose codes cannot clash with a real prison or OUT', () => {
    const prisons = estatePrisons();
    const synthetic = prisons.filter((p) => !p.womens);
    expect(prisons).toHaveLength(120);
    expect(prisons.filter((p) => p.womens).map((p) => p.code)).toEqual([...PRISON_CODES]);
    expect(synthetic).toHaveLength(108);
    expect(new Set(prisons.map((p) => p.code)).size).toBe(120);
    for (const p of synthetic) {
      expect(p.code).toMatch(/^[NP][0-9]{2}$/);
      expect(p.name).toBe(`Synthetic prison ${p.code}`);
      expect([...PRISON_CODES, RELEASED_PRISON_CODE]).not.toContain(p.code);
    }
    expect(syntheticPrisonCodes(108).slice(98, 102)).toEqual(['N98', 'N99', 'P00', 'P01']);
  });

  it('puts every prison and every release area in a known region, and every region has both', () => {
    const prisons = estatePrisons();
    for (const p of prisons) expect(REGION_CODES).toContain(p.regionCode);
    expect(Object.keys(RELEASE_AREA_REGIONS).sort()).toEqual(RELEASE_AREAS.map((a) => a.code).sort());
    for (const region of REGION_CODES) {
      expect(prisons.some((p) => p.regionCode === region)).toBe(true);
      expect(Object.values(RELEASE_AREA_REGIONS)).toContain(region);
    }
  });

  it('apportions a total over weights exactly', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(7, [5, 0, 2])).toEqual([5, 0, 2]);
    expect(apportion(0, [1, 2])).toEqual([0, 0]);
  });

  it('at full size holds the estate’s numbers, with the women in the women’s prisons', () => {
    const estate = planEstate(1);
    const sum = (rows: typeof estate, key: 'custody' | 'released') => rows.reduce((n, p) => n + p[key], 0);
    const womens = estate.filter((p) => p.womens);
    const mens = estate.filter((p) => !p.womens);
    expect(sum(womens, 'custody')).toBe(NATIONAL_TOTALS.womenInCustody);
    expect(sum(mens, 'custody')).toBe(NATIONAL_TOTALS.menInCustody);
    expect(sum(womens, 'released')).toBe(NATIONAL_TOTALS.womenReleasedInYear);
    expect(sum(mens, 'released')).toBe(NATIONAL_TOTALS.menReleasedInYear);
    expect(Math.min(...estate.map((p) => p.custody))).toBeGreaterThan(50);
  });

  it('numbers people densely: everyone in custody first, then everyone released, prison by prison', () => {
    const estate = planEstate(0.1);
    const custody = estate.reduce((n, p) => n + p.custody, 0);
    const released = estate.reduce((n, p) => n + p.released, 0);
    expect(custody).toBe(Math.round(3_150 * 0.1) + Math.round(81_300 * 0.1));
    estate.forEach((p, i) => {
      const before = estate.slice(0, i);
      expect(p.firstCustody).toBe(before.reduce((n, q) => n + q.custody, 0));
      expect(p.firstReleased).toBe(custody + before.reduce((n, q) => n + q.released, 0));
    });
    expect(estate[estate.length - 1].firstReleased + estate[estate.length - 1].released).toBe(custody + released);
  });

  it('refuses a scale outside (0, 1]', () => {
    expect(() => planEstate(0)).toThrow(RangeError);
    expect(() => planEstate(1.5)).toThrow(RangeError);
  });
});
