/**
 * Direct connections to the run's database as either of its two roles. The owner (the role that ran the
 * migrations) is for the few tests that must do what the apps' role may not, such as proving that the append-only
 * triggers hold for the owner too; arrange fixtures through the API's own data source (the app role) wherever its
 * grants allow, so the suites keep proving them.
 */
import { DataSource } from 'typeorm';
import { readRunSettings } from './run-settings';

export async function openOwnerConnection(): Promise<DataSource> {
  return new DataSource({ type: 'postgres', url: readRunSettings().ownerDatabaseUrl, extra: { max: 1 } }).initialize();
}

/** The same, as the apps' role: a connection of its own, so a test can hold a transaction open on it. */
export async function openAppRoleConnection(): Promise<DataSource> {
  return new DataSource({ type: 'postgres', url: readRunSettings().databaseUrl, extra: { max: 1 } }).initialize();
}
