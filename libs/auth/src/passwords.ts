/** Password hashing (bcrypt, pure JS so no native build is needed). */
import { randomBytes } from 'node:crypto';
import { compare, hash } from 'bcryptjs';

const COST = 10;

export function hashPassword(plain: string): Promise<string> {
  return hash(plain, COST);
}

export function verifyPassword(plain: string, passwordHash: string): Promise<boolean> {
  return compare(plain, passwordHash);
}

/** Made once per process, at the cost real hashes use, from a password nobody knows. */
let dummyHash: Promise<string> | null = null;

/**
 * Checks a password against the user's hash, or against a dummy hash of the same cost when there is no such
 * user, so that a sign-in for an unknown username does the same work, and takes as long, as a wrong password
 * (OWASP Authentication Cheat Sheet, "Authentication and Error Messages": response times must not tell which
 * usernames exist). Never true without a real hash.
 */
export async function verifyPasswordOrDummy(plain: string, passwordHash: string | null): Promise<boolean> {
  dummyHash ??= hashPassword(randomBytes(24).toString('base64url'));
  const matched = await compare(plain, passwordHash ?? (await dummyHash));
  return matched && passwordHash !== null;
}
