/**
 * The Kubernetes manifests (deploy/) as CI checks them, through the built `npm run validate:deploy` tool: the
 * committed set passes, and a copy with a misspelt field, a wrong type or a variable compose has and they lack
 * fails naming each. And the init container's `migrations-applied --wait`, run on a database of its own, holds
 * until the migration Job's `migrate` has run and then lets the app start.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { readRunSettings } from '../../setup/run-settings';

const ROOT = join(__dirname, '..', '..', '..');
const VALIDATOR = join(ROOT, 'dist', 'scripts', 'deploy', 'validate-manifests.js');
const CLI = join(ROOT, 'dist', 'apps', 'cli', 'src', 'main.js');

interface Outcome {
  code: number | null;
  output: string;
}

function start(args: string[], env: NodeJS.ProcessEnv = {}): { child: ChildProcess; done: Promise<Outcome> } {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const done = new Promise<Outcome>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
  return { child, done };
}

describe('deploy/ validation', () => {
  let copy: string;

  beforeEach(() => {
    copy = mkdtempSync(join(tmpdir(), 'resettle-deploy-'));
    cpSync(join(ROOT, 'deploy'), join(copy, 'deploy'), { recursive: true });
    cpSync(join(ROOT, 'docker'), join(copy, 'docker'), { recursive: true });
  });

  afterEach(() => rmSync(copy, { recursive: true, force: true }));

  function edit(file: string, change: (text: string) => string): void {
    const path = join(copy, file);
    const before = readFileSync(path, 'utf8');
    const after = change(before);
    if (after === before) throw new Error(`the edit changed nothing in ${file}`);
    writeFileSync(path, after);
  }

  it('passes the manifests as committed', async () => {
    const { code, output } = await start([VALIDATOR, join(ROOT, 'deploy')]).done;
    expect(output).toMatch(/20 objects in 8 files valid and consistent with compose/);
    expect(code).toBe(0);
  });

  it('fails a misspelt field, a wrong type and a variable compose sets, naming each', async () => {
    edit('deploy/worker.yaml', (t) => t.replace('          readinessProbe:', '          readinesProbe:'));
    edit('deploy/api.yaml', (t) => t.replace('  replicas: 2', "  replicas: 'two'"));
    edit('docker/compose.yml', (t) =>
      t.replace('  LOG_LEVEL: ${LOG_LEVEL:-info}', '  LOG_LEVEL: ${LOG_LEVEL:-info}\n  NEW_SETTING: x'),
    );
    const { code, output } = await start([VALIDATOR, join(copy, 'deploy')]).done;
    expect(output).toContain(
      'worker.yaml: Deployment worker: spec.template.spec.containers[0].readinesProbe: no such field in apps/v1/Deployment',
    );
    expect(output).toContain(
      'api.yaml: Deployment api: does not match the apps/v1/Deployment schema: data/spec/replicas must be integer',
    );
    expect(output).toContain('api: compose sets NEW_SETTING, the Kubernetes Deployment does not');
    expect(code).toBe(1);
  });
});

describe('migrations-applied, the init container that waits for the migration Job', () => {
  const run = readRunSettings();
  const databaseName = `${run.databaseName}_migrations`;
  const scratchUrl = new URL(run.adminDatabaseUrl);
  scratchUrl.pathname = `/${databaseName}`;
  let admin: DataSource;

  beforeAll(async () => {
    admin = await new DataSource({ type: 'postgres', url: run.adminDatabaseUrl, extra: { max: 1 } }).initialize();
    await admin.query(`CREATE DATABASE "${databaseName}"`);
  });

  afterAll(async () => {
    await admin?.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
    await admin?.destroy();
  });

  it('says migrations are pending on an empty database, waits through the migration, then passes', async () => {
    const env = { DATABASE_URL: scratchUrl.toString(), MIGRATION_DATABASE_URL: scratchUrl.toString() };
    const once = await start([CLI, 'migrations-applied'], env).done;
    expect(once.output).toContain('Migrations: some are pending');
    expect(once.code).toBe(1);

    const gaveUp = await start([CLI, 'migrations-applied', '--wait', '2'], env).done;
    expect(gaveUp.output).toContain('Migrations: still pending after 2 s');
    expect(gaveUp.code).toBe(1);

    // Started before the migration, it can only pass once migrate has applied everything.
    const waiting = start([CLI, 'migrations-applied', '--wait', '300'], env);
    const migrate = await start([CLI, 'migrate'], env).done;
    expect(migrate.code).toBe(0);
    const waited = await waiting.done;
    expect(waited.output).toContain('Migrations: none pending.');
    expect(waited.code).toBe(0);
  });
});
