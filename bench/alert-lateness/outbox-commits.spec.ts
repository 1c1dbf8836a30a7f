import { firstMarkCovering } from './outbox-commits';

describe('firstMarkCovering', () => {
  const marks: [number, number][] = [
    [1000, 5],
    [1010, 9],
    [1020, 9],
    [1030, 14],
  ];

  it('dates an outbox event by the first notification after which it was visible', () => {
    expect(firstMarkCovering(marks, 1)).toBe(1000);
    expect(firstMarkCovering(marks, 6)).toBe(1010);
    expect(firstMarkCovering(marks, 9)).toBe(1010);
    expect(firstMarkCovering(marks, 14)).toBe(1030);
  });

  it('has no time for an event no notification covered', () => {
    expect(firstMarkCovering(marks, 15)).toBeUndefined();
    expect(firstMarkCovering([], 1)).toBeUndefined();
  });
});
