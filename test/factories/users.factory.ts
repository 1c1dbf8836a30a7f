/** Users with unique usernames and a known password, and signing them in over HTTP. */
import type { DataSource } from 'typeorm';
import { hashPassword } from '@app/auth/passwords';
import { Role } from '@app/domain';
import { ApiClient } from '../setup/api-client';
import { uniqueSuffix } from './unique';

export const TEST_PASSWORD = 'correct horse battery staple';

// bcrypt is slow on purpose; one hash serves every user a worker makes.
let passwordHash: Promise<string> | null = null;

export interface CreateUserOptions {
  role: Role;
  prisonCodes?: string[];
  providerId?: string | null;
  displayName?: string;
}

export interface TestUser {
  id: string;
  username: string;
  password: string;
  displayName: string;
  role: Role;
}

export async function createUser(dataSource: DataSource, options: CreateUserOptions): Promise<TestUser> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const suffix = uniqueSuffix();
  const username = `e2e-${options.role.toLowerCase()}-${suffix}`;
  const displayName = options.displayName ?? `Test ${options.role} ${suffix}`;
  const rows: { id: string }[] = await dataSource.query(
    `INSERT INTO users (username, display_name, password_hash, role, prison_codes, provider_id, active)
     VALUES ($1, $2, $3, $4, $5, $6, true) RETURNING id`,
    [username, displayName, await passwordHash, options.role, options.prisonCodes ?? [], options.providerId ?? null],
  );
  return { id: rows[0].id, username, password: TEST_PASSWORD, displayName, role: options.role };
}

export async function login(baseUrl: string, username: string, password: string): Promise<string> {
  const response = await new ApiClient(baseUrl).post<{ accessToken: string }>('/auth/login', { username, password });
  if (response.status !== 200) {
    throw new Error(`Login of ${username} failed with ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response.body.accessToken;
}

export interface SignedInUser extends TestUser {
  token: string;
  api: ApiClient;
}

export async function createSignedInUser(
  dataSource: DataSource,
  baseUrl: string,
  options: CreateUserOptions,
): Promise<SignedInUser> {
  const user = await createUser(dataSource, options);
  const token = await login(baseUrl, user.username, user.password);
  return { ...user, token, api: new ApiClient(baseUrl, token) };
}
