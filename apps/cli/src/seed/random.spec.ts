import { Random } from './random';

describe('Random', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const draw = (seed: number): number[] => {
      const random = new Random(seed);
      return Array.from({ length: 5 }, () => random.float());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('draws whole numbers within both bounds', () => {
    const random = new Random(7);
    const draws = Array.from({ length: 1000 }, () => random.int(3, 6));
    expect(Math.min(...draws)).toBe(3);
    expect(Math.max(...draws)).toBe(6);
    expect(draws.every(Number.isInteger)).toBe(true);
  });

  it('picks by weight and never picks a zero weight', () => {
    const random = new Random(11);
    const picks = Array.from({ length: 2000 }, () => random.weighted({ a: 3, b: 1, c: 0 }));
    expect(picks).not.toContain('c');
    const share = picks.filter((p) => p === 'a').length / picks.length;
    expect(share).toBeGreaterThan(0.7);
    expect(share).toBeLessThan(0.8);
  });

  it('refuses impossible draws', () => {
    const random = new Random(1);
    expect(() => random.int(5, 4)).toThrow(RangeError);
    expect(() => random.pick([])).toThrow(RangeError);
    expect(() => random.weighted({ a: 0 })).toThrow(RangeError);
  });
});
