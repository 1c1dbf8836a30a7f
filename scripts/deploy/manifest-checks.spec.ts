import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { deployProblems, ManifestDocument, ManifestFile } from './manifest-checks';

const ROOT = join(__dirname, '..', '..');
const DEPLOY = join(ROOT, 'deploy');

interface Input {
  files: ManifestFile[];
  kustomization: unknown;
  yamlFiles: string[];
  compose: Record<string, unknown>;
}

/** The repository's own deploy/ and compose file, parsed afresh for each test so a test may change them. */
function repositoryInput(): Input {
  const yamlFiles = readdirSync(DEPLOY)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  return {
    yamlFiles,
    kustomization: parse(readFileSync(join(DEPLOY, 'kustomization.yaml'), 'utf8')),
    files: yamlFiles
      .filter((f) => f !== 'kustomization.yaml')
      .map((file) => ({
        file,
        documents: parseAllDocuments(readFileSync(join(DEPLOY, file), 'utf8')).map((d) => d.toJS() as ManifestDocument),
      })),
    compose: parse(readFileSync(join(ROOT, 'docker', 'compose.yml'), 'utf8')) as Record<string, unknown>,
  };
}

/* eslint-disable @typescript-eslint/no-explicit-any -- a test reaches into parsed YAML to break one field. */
function find(input: Input, kind: string, name: string): any {
  const doc = input.files.flatMap((f) => f.documents).find((d) => d.kind === kind && d.metadata?.name === name);
  if (!doc) throw new Error(`no ${kind} ${name} in deploy/`);
  return doc;
}

function container(input: Input, app: string): any {
  return find(input, 'Deployment', app).spec.template.spec.containers.find((c: any) => c.name === app);
}

describe('deploy/ and docker/compose.yml fit together', () => {
  it('has no problem as committed', () => {
    expect(deployProblems(repositoryInput())).toEqual([]);
  });

  it.each([
    [
      'a readiness probe on another path',
      (i: Input) => (container(i, 'gateway').readinessProbe.httpGet.path = '/health/live'),
      'gateway.yaml: Deployment gateway: readinessProbe must GET /health/ready on port 3001',
    ],
    [
      'a liveness probe missing',
      (i: Input) => delete container(i, 'worker').livenessProbe,
      'worker.yaml: Deployment worker: livenessProbe must GET /health/live on port 3002',
    ],
    [
      'no resource requests',
      (i: Input) => delete container(i, 'api').resources.requests,
      'api.yaml: Deployment api: container api needs resources.requests.cpu and .memory',
    ],
    [
      'no init container waiting for the migrations',
      (i: Input) => delete find(i, 'Deployment', 'api').spec.template.spec.initContainers,
      'api.yaml: Deployment api: needs the wait-for-migrations init container (resettle-cli, migrations-applied)',
    ],
    [
      'an HPA that targets another name',
      (i: Input) => (find(i, 'HorizontalPodAutoscaler', 'worker').spec.scaleTargetRef.name = 'workers'),
      'worker.yaml: Deployment worker: no HorizontalPodAutoscaler targets it',
    ],
    [
      'a PodDisruptionBudget selecting nothing of it',
      (i: Input) => (find(i, 'PodDisruptionBudget', 'gateway').spec.selector.matchLabels = { app: 'gateway' }),
      'gateway.yaml: Deployment gateway: no PodDisruptionBudget selects its pods',
    ],
    [
      'the Ingress sending /socket.io to the api',
      (i: Input) =>
        (find(i, 'Ingress', 'resettle').spec.rules[0].http.paths.find(
          (p: any) => p.path === '/socket.io',
        ).backend.service.name = 'api'),
      'ingress.yaml: Ingress resettle: /socket.io must go to the gateway Service',
    ],
    [
      'an env value from a Secret nobody creates',
      (i: Input) => (container(i, 'api').env[0].valueFrom.secretKeyRef.name = 'api-secrets'),
      'api.yaml: Deployment api: DATABASE_URL comes from Secret api-secrets, which the README does not have made',
    ],
    [
      'a variable compose sets and the manifests do not',
      (i: Input) => ((i.compose['x-app-env'] as Record<string, string>).NEW_SETTING = 'x'),
      'api: compose sets NEW_SETTING, the Kubernetes Deployment does not',
    ],
    [
      'a compose image under another name',
      (i: Input) => ((i.compose.services as any).worker.image = 'worker:local'),
      'compose service worker must name its image resettle-worker, as the manifests do',
    ],
    [
      "a compose health check on another app's port",
      (i: Input) => ((i.compose.services as any)['gateway-2'].healthcheck.test[3] = '3000'),
      "compose service gateway-2: its health check must run dist/scripts/healthcheck.js 3001 (GET /health/ready, the readiness probe's path)",
    ],
    [
      'a manifest the kustomization does not list',
      (i: Input) => i.yamlFiles.push('extra.yaml'),
      'deploy/extra.yaml is not listed in kustomization.yaml',
    ],
  ])('names %s', (_what, breakIt, problem) => {
    const input = repositoryInput();
    breakIt(input);
    expect(deployProblems(input)).toContain(problem);
  });
});
