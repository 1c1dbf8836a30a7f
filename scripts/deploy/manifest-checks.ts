/**
 * What the Kubernetes schemas cannot know about deploy/: that the pieces fit each other and docker/compose.yml.
 * Every check takes parsed YAML and returns its problems as sentences naming the file and object, so
 * `npm run validate:deploy` (validate-manifests.ts) can print them all and fail. Pure: no I/O, unit-tested beside.
 *
 * What must hold (README, "Running at national scale"):
 * - the kustomization lists every manifest in deploy/ and nothing else;
 * - every app Deployment has a readiness probe on /health/ready and a liveness probe on /health/live at its own
 *   port, resource requests, the wait-for-migrations init container, and a Service, a PodDisruptionBudget and a
 *   HorizontalPodAutoscaler that select or target it; the migration Job runs the cli's `migrate`;
 * - Services, the Ingress and env references point at objects that exist, or at the two Secrets the README has
 *   the platform team create; the Ingress sends /socket.io to the gateways;
 * - compose and the manifests agree: the same images, the same variables, the same ports behind the health checks.
 */
import type { IContainer, IProbe } from 'kubernetes-models/v1' with { 'resolution-mode': 'import' };
import type { IConfigMap, IPodSpec, IService } from 'kubernetes-models/v1' with { 'resolution-mode': 'import' };
import type { IDeployment } from 'kubernetes-models/apps/v1' with { 'resolution-mode': 'import' };
import type { IJob } from 'kubernetes-models/batch/v1' with { 'resolution-mode': 'import' };
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2' with { 'resolution-mode': 'import' };
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1' with { 'resolution-mode': 'import' };
import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1' with { 'resolution-mode': 'import' };
import { LIVE_PATH, READY_PATH } from '../supervisor/readiness';

/** A parsed YAML document; once kubernetes-schemas.ts passed it, it is the API type its kind names. */
export interface ManifestDocument {
  apiVersion?: unknown;
  kind?: unknown;
  metadata?: { name?: string; labels?: Record<string, string> };
}

interface Kinds {
  Deployment: IDeployment;
  Service: IService;
  ConfigMap: IConfigMap;
  Job: IJob;
  HorizontalPodAutoscaler: IHorizontalPodAutoscaler;
  PodDisruptionBudget: IPodDisruptionBudget;
  Ingress: IIngress;
}

/** docker/compose.yml, as far as these checks read it. */
export interface ComposeFile {
  'x-app-env'?: Record<string, unknown>;
  services?: Record<string, { image?: unknown; healthcheck?: { test?: unknown } } | undefined>;
}

export interface ManifestFile {
  /** Relative to deploy/, e.g. api.yaml. */
  file: string;
  documents: ManifestDocument[];
}

/** The apps and the image, port and compose services of each. */
export const APPS = {
  api: { image: 'resettle-api', port: 3000, composeServices: ['api'] },
  gateway: { image: 'resettle-gateway', port: 3001, composeServices: ['gateway-1', 'gateway-2'] },
  worker: { image: 'resettle-worker', port: 3002, composeServices: ['worker'] },
} as const;
export type AppName = keyof typeof APPS;

export const MIGRATION_IMAGE = 'resettle-cli';

/** The Secrets the manifests refer to by name and the README tells the platform team to create. */
export const REFERENCED_SECRETS = ['resettle-secrets', 'resettle-migration', 'resettle-tls'] as const;

interface Located<T> {
  file: string;
  doc: T;
}

function located<K extends keyof Kinds>(files: ManifestFile[], kind: K): Located<Kinds[K]>[] {
  return files.flatMap(({ file, documents }) =>
    documents.filter((d) => d.kind === kind).map((doc) => ({ file, doc: doc as unknown as Kinds[K] })),
  );
}

function where({ file, doc }: Located<ManifestDocument>): string {
  return `${file}: ${String(doc.kind)} ${String(doc.metadata?.name)}`;
}

function imageName(image: unknown): string | undefined {
  return typeof image === 'string' ? image.split(':')[0] : undefined;
}

function selects(selector: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
  if (!selector || Object.keys(selector).length === 0) return false;
  return Object.entries(selector).every(([k, v]) => labels?.[k] === v);
}

/** The kustomization's `resources` against the YAML files in deploy/. */
export function kustomizationProblems(kustomization: unknown, yamlFiles: string[]): string[] {
  const resources = (kustomization as { resources?: unknown } | null)?.resources;
  const listed = Array.isArray(resources) ? resources.filter((r): r is string => typeof r === 'string') : [];
  const manifests = yamlFiles.filter((f) => f !== 'kustomization.yaml');
  return [
    ...listed
      .filter((f) => !manifests.includes(f))
      .map((f) => `kustomization.yaml lists ${f}, which is not in deploy/`),
    ...manifests.filter((f) => !listed.includes(f)).map((f) => `deploy/${f} is not listed in kustomization.yaml`),
  ];
}

function containerProblems(at: string, container: IContainer, app: AppName): string[] {
  const problems: string[] = [];
  const port = (container.ports ?? []).find((p) => p.containerPort === APPS[app].port);
  if (!port) problems.push(`${at}: container ${container.name} does not expose port ${APPS[app].port}`);
  const probeAt = (probe: IProbe | undefined): unknown => probe?.httpGet?.port;
  const onOwnPort = (probe: IProbe | undefined): boolean =>
    probeAt(probe) === APPS[app].port || (port?.name !== undefined && probeAt(probe) === port.name);
  if (container.readinessProbe?.httpGet?.path !== READY_PATH || !onOwnPort(container.readinessProbe)) {
    problems.push(`${at}: readinessProbe must GET ${READY_PATH} on port ${APPS[app].port}`);
  }
  if (container.livenessProbe?.httpGet?.path !== LIVE_PATH || !onOwnPort(container.livenessProbe)) {
    problems.push(`${at}: livenessProbe must GET ${LIVE_PATH} on port ${APPS[app].port}`);
  }
  if (!container.resources?.requests?.cpu || !container.resources?.requests?.memory) {
    problems.push(`${at}: container ${container.name} needs resources.requests.cpu and .memory`);
  }
  if (imageName(container.image) !== APPS[app].image) {
    problems.push(`${at}: container ${container.name} must run image ${APPS[app].image}`);
  }
  return problems;
}

/** Each app's Deployment, and the Service, PodDisruptionBudget and HorizontalPodAutoscaler that go with it. */
export function appProblems(files: ManifestFile[]): string[] {
  const problems: string[] = [];
  const deployments = located(files, 'Deployment');
  for (const app of Object.keys(APPS) as AppName[]) {
    const found = deployments.find((d) => d.doc.metadata?.name === app);
    if (!found) {
      problems.push(`no Deployment named ${app}`);
      continue;
    }
    const at = where(found);
    const pod = found.doc.spec?.template;
    const podLabels = pod?.metadata?.labels;
    if (!selects(found.doc.spec?.selector?.matchLabels, podLabels)) {
      problems.push(`${at}: spec.selector.matchLabels must select its own pod template's labels`);
    }
    const main = (pod?.spec?.containers ?? []).find((c) => c.name === app);
    if (!main) problems.push(`${at}: no container named ${app}`);
    else problems.push(...containerProblems(at, main, app));
    const wait = (pod?.spec?.initContainers ?? []).find((c) => c.name === 'wait-for-migrations');
    if (!wait || !(wait.args ?? []).includes('migrations-applied') || imageName(wait.image) !== MIGRATION_IMAGE) {
      problems.push(`${at}: needs the wait-for-migrations init container (${MIGRATION_IMAGE}, migrations-applied)`);
    }
    if (!located(files, 'Service').some((s) => selects(s.doc.spec?.selector, podLabels))) {
      problems.push(`${at}: no Service selects its pods`);
    }
    if (!located(files, 'PodDisruptionBudget').some((p) => selects(p.doc.spec?.selector?.matchLabels, podLabels))) {
      problems.push(`${at}: no PodDisruptionBudget selects its pods`);
    }
    const scaled = located(files, 'HorizontalPodAutoscaler').some(
      (h) => h.doc.spec?.scaleTargetRef?.kind === 'Deployment' && h.doc.spec?.scaleTargetRef?.name === app,
    );
    if (!scaled) problems.push(`${at}: no HorizontalPodAutoscaler targets it`);
  }
  const job = located(files, 'Job').find((j) => j.doc.metadata?.name === 'migrate');
  const migrate = job?.doc.spec?.template?.spec?.containers?.[0];
  if (!migrate || imageName(migrate.image) !== MIGRATION_IMAGE || !(migrate.args ?? []).includes('migrate')) {
    problems.push(`no migration Job (Job migrate running ${MIGRATION_IMAGE} with the cli's migrate)`);
  }
  return problems;
}

function podSpecs(files: ManifestFile[]): { at: string; spec: IPodSpec | undefined }[] {
  return [...located(files, 'Deployment'), ...located(files, 'Job')].map((l) => ({
    at: where(l),
    spec: l.doc.spec?.template?.spec,
  }));
}

/** Services, the Ingress and env references point at what exists (or at a Secret the README has made). */
export function referenceProblems(files: ManifestFile[]): string[] {
  const problems: string[] = [];
  const deployments = located(files, 'Deployment');
  const services = located(files, 'Service');
  for (const service of services) {
    const target = deployments.find((d) => selects(service.doc.spec?.selector, d.doc.spec?.template?.metadata?.labels));
    if (!target) {
      problems.push(`${where(service)}: its selector matches no Deployment's pods`);
      continue;
    }
    const portNames = new Set(
      (target.doc.spec?.template.spec?.containers ?? []).flatMap((c) => (c.ports ?? []).map((p) => p.name)),
    );
    for (const port of service.doc.spec?.ports ?? []) {
      if (typeof port.targetPort === 'string' && !portNames.has(port.targetPort)) {
        problems.push(`${where(service)}: targetPort ${port.targetPort} is no port of ${where(target)}`);
      }
    }
  }
  for (const ingress of located(files, 'Ingress')) {
    const paths = (ingress.doc.spec?.rules ?? []).flatMap((r) => r.http?.paths ?? []);
    for (const path of paths) {
      const backend = path.backend?.service;
      const service = services.find((s) => s.doc.metadata?.name === backend?.name);
      if (!service) {
        problems.push(`${where(ingress)}: path ${path.path} goes to Service ${backend?.name}, which does not exist`);
      } else if (!(service.doc.spec?.ports ?? []).some((p) => p.name === backend?.port?.name)) {
        problems.push(
          `${where(ingress)}: path ${path.path} names port ${backend?.port?.name}, not on ${where(service)}`,
        );
      }
    }
    if (!paths.some((p) => p.path === '/socket.io' && p.backend?.service?.name === 'gateway')) {
      problems.push(`${where(ingress)}: /socket.io must go to the gateway Service`);
    }
    for (const tls of ingress.doc.spec?.tls ?? []) {
      if (!(REFERENCED_SECRETS as readonly (string | undefined)[]).includes(tls.secretName)) {
        problems.push(`${where(ingress)}: TLS Secret ${tls.secretName} is not one the README has created`);
      }
    }
  }
  const configMaps = new Set(located(files, 'ConfigMap').map((c) => c.doc.metadata?.name));
  for (const { at, spec } of podSpecs(files)) {
    for (const container of [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])]) {
      for (const from of container.envFrom ?? []) {
        if (from.configMapRef && !configMaps.has(from.configMapRef.name)) {
          problems.push(
            `${at}: container ${container.name} reads ConfigMap ${from.configMapRef.name}, which does not exist`,
          );
        }
      }
      for (const env of container.env ?? []) {
        const secret = env.valueFrom?.secretKeyRef?.name;
        if (secret !== undefined && !(REFERENCED_SECRETS as readonly string[]).includes(secret)) {
          problems.push(`${at}: ${env.name} comes from Secret ${secret}, which the README does not have made`);
        }
      }
    }
  }
  return problems;
}

/** The variables an app container gets: its ConfigMaps' keys and its env entries (from Secrets or literal). */
function containerVariables(files: ManifestFile[], container: IContainer): Set<string> {
  const names = new Set<string>();
  for (const from of container.envFrom ?? []) {
    const map = located(files, 'ConfigMap').find((c) => c.doc.metadata?.name === from.configMapRef?.name);
    for (const key of Object.keys(map?.doc.data ?? {})) names.add(key);
  }
  for (const env of container.env ?? []) {
    // Values the platform fills per pod (GATEWAY_NAME from the pod's name) have no compose counterpart.
    if (!env.valueFrom?.fieldRef) names.add(env.name);
  }
  return names;
}

/** docker/compose.yml and the manifests: the same images, variables and health-check ports. */
export function composeProblems(files: ManifestFile[], compose: ComposeFile | null): string[] {
  const problems: string[] = [];
  const composeEnv = new Set(Object.keys(compose?.['x-app-env'] ?? {}));
  if (composeEnv.size === 0) problems.push('docker/compose.yml has no x-app-env');
  const services = compose?.services ?? {};
  for (const app of Object.keys(APPS) as AppName[]) {
    const deployment = located(files, 'Deployment').find((d) => d.doc.metadata?.name === app);
    const container = deployment?.doc.spec?.template.spec?.containers.find((c) => c.name === app);
    if (!container) continue; // appProblems names it
    const variables = containerVariables(files, container);
    for (const name of composeEnv) {
      if (!variables.has(name)) problems.push(`${app}: compose sets ${name}, the Kubernetes Deployment does not`);
    }
    for (const name of variables) {
      if (!composeEnv.has(name)) problems.push(`${app}: the Kubernetes Deployment sets ${name}, compose does not`);
    }
    for (const serviceName of APPS[app].composeServices) {
      const service = services[serviceName];
      if (!service) {
        problems.push(`docker/compose.yml has no service ${serviceName}`);
        continue;
      }
      if (imageName(service.image) !== APPS[app].image) {
        problems.push(`compose service ${serviceName} must name its image ${APPS[app].image}, as the manifests do`);
      }
      const test = Array.isArray(service.healthcheck?.test) ? (service.healthcheck.test as unknown[]) : [];
      if (!test.includes('dist/scripts/healthcheck.js') || !test.includes(String(APPS[app].port))) {
        problems.push(
          `compose service ${serviceName}: its health check must run dist/scripts/healthcheck.js ${APPS[app].port} ` +
            `(GET ${READY_PATH}, the readiness probe's path)`,
        );
      }
    }
  }
  const migrate = services.migrate;
  if (imageName(migrate?.image) !== MIGRATION_IMAGE) {
    problems.push(`compose service migrate must name its image ${MIGRATION_IMAGE}, as the migration Job does`);
  }
  return problems;
}

/** Every check over the manifests, the kustomization and compose. */
export function deployProblems(input: {
  files: ManifestFile[];
  kustomization: unknown;
  yamlFiles: string[];
  compose: unknown;
}): string[] {
  return [
    ...kustomizationProblems(input.kustomization, input.yamlFiles),
    ...appProblems(input.files),
    ...referenceProblems(input.files),
    ...composeProblems(input.files, input.compose as ComposeFile | null),
  ];
}
