/** CRS providers and release areas of a suite's own, inserted straight into the run's database. */
import type { DataSource } from 'typeorm';
import { uniqueSuffix } from './unique';

export interface TestProvider {
  id: string;
  name: string;
}

export interface TestReleaseArea {
  code: string;
  name: string;
  providerId: string | null;
}

export async function createProvider(
  dataSource: DataSource,
  name = `Test provider ${uniqueSuffix()}`,
): Promise<TestProvider> {
  const rows: TestProvider[] = await dataSource.query(
    `INSERT INTO providers (name, contract_suffix, allows_direct_referral) VALUES ($1, 'TST', false) RETURNING id, name`,
    [name],
  );
  return rows[0];
}

/** A test-only area (code T_<random>) served by the given provider, or by none. */
export async function createReleaseArea(dataSource: DataSource, providerId: string | null): Promise<TestReleaseArea> {
  const code = `T_${uniqueSuffix().toUpperCase()}`;
  const name = `Test area ${code}`;
  await dataSource.query(
    `INSERT INTO release_areas (code, name, country, provider_id) VALUES ($1, $2, 'ENGLAND', $3)`,
    [code, name, providerId],
  );
  return { code, name, providerId };
}
