/** Starts the REST API. */
import 'reflect-metadata';
import { createApiApp } from './bootstrap';
import { readApiSettings } from './config/api.config';

async function main(): Promise<void> {
  const settings = readApiSettings();
  const app = await createApiApp(settings);
  await app.listen(settings.port);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
