/** Unique values for the rows a suite makes, so suites running side by side never collide. */
import { randomBytes, randomInt } from 'node:crypto';

export function uniqueSuffix(): string {
  return randomBytes(5).toString('hex');
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function letter(): string {
  return LETTERS[randomInt(LETTERS.length)];
}

/** An HMPPS-shaped prison number: one letter, four digits, two letters (A1234BC). */
export function randomPrisonNumber(): string {
  return `${letter()}${String(randomInt(10_000)).padStart(4, '0')}${letter()}${letter()}`;
}
