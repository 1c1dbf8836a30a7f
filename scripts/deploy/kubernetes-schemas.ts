/**
 * Each manifest checked against the Kubernetes API's own definitions, by two libraries because neither does both:
 * `kubernetes-models` validates values against the API's JSON schemas (types, required fields, enums), but those
 * schemas allow properties they do not know, so a misspelt field (`resurces:`) passes them; the model classes of
 * `@kubernetes/client-node` list every field each API type has, so a field not among them is named here.
 */
import type { ManifestDocument } from './manifest-checks';

interface SchemaModel {
  validate(): void;
}

type ModelClass = new (data: never) => SchemaModel;

interface KindDefinition {
  model: ModelClass;
  /** The client-node class named in its attribute maps, e.g. V1Deployment. */
  clientType: string;
}

interface Attribute {
  baseName: string;
  type: string;
}

type ClientClass = { getAttributeTypeMap(): Attribute[] };

/**
 * Both libraries are ES modules only, so they are loaded with import() (this tool is compiled to CommonJS).
 * The kinds deploy/ may hold are listed here; any other is refused, so a new kind is added on purpose.
 */
export async function loadKubernetesSchemas(): Promise<KubernetesSchemas> {
  const [core, apps, batch, autoscaling, policy, networking, client] = await Promise.all([
    import('kubernetes-models/v1'),
    import('kubernetes-models/apps/v1'),
    import('kubernetes-models/batch/v1'),
    import('kubernetes-models/autoscaling/v2'),
    import('kubernetes-models/policy/v1'),
    import('kubernetes-models/networking.k8s.io/v1'),
    import('@kubernetes/client-node'),
  ]);
  const kinds: Record<string, KindDefinition> = {
    'v1/Namespace': { model: core.Namespace, clientType: 'V1Namespace' },
    'v1/ConfigMap': { model: core.ConfigMap, clientType: 'V1ConfigMap' },
    'v1/Service': { model: core.Service, clientType: 'V1Service' },
    'apps/v1/Deployment': { model: apps.Deployment, clientType: 'V1Deployment' },
    'batch/v1/Job': { model: batch.Job, clientType: 'V1Job' },
    'autoscaling/v2/HorizontalPodAutoscaler': {
      model: autoscaling.HorizontalPodAutoscaler,
      clientType: 'V2HorizontalPodAutoscaler',
    },
    'policy/v1/PodDisruptionBudget': { model: policy.PodDisruptionBudget, clientType: 'V1PodDisruptionBudget' },
    'networking.k8s.io/v1/Ingress': { model: networking.Ingress, clientType: 'V1Ingress' },
    'networking.k8s.io/v1/NetworkPolicy': { model: networking.NetworkPolicy, clientType: 'V1NetworkPolicy' },
  };
  const clientClass = (name: string): ClientClass | undefined => {
    const candidate = (client as unknown as Record<string, unknown>)[name];
    return typeof candidate === 'function' && 'getAttributeTypeMap' in candidate
      ? (candidate as unknown as ClientClass)
      : undefined;
  };
  return new KubernetesSchemas(kinds, clientClass);
}

export class KubernetesSchemas {
  constructor(
    private readonly kinds: Record<string, KindDefinition>,
    private readonly clientClass: (name: string) => ClientClass | undefined,
  ) {}

  /** What is wrong with one document by the API's definitions; empty when nothing is. */
  problems(document: ManifestDocument): string[] {
    const key = `${String(document.apiVersion)}/${String(document.kind)}`;
    const kind = this.kinds[key];
    if (!kind) return [`${key} is not a kind deploy/ uses (scripts/deploy/kubernetes-schemas.ts lists them)`];
    const problems: string[] = [];
    try {
      new kind.model(document as never).validate();
    } catch (error) {
      problems.push(`does not match the ${key} schema: ${(error as Error).message}`);
    }
    for (const field of this.unknownFields(document, kind.clientType, '')) {
      problems.push(`${field}: no such field in ${key}`);
    }
    return problems;
  }

  /** Paths (a.b[0].c) of the fields `value` has that the API type `type` does not. */
  unknownFields(value: unknown, type: string, path: string): string[] {
    if (value === null || value === undefined) return [];
    const array = /^Array<(.+)>$/.exec(type);
    if (array) {
      return Array.isArray(value) ? value.flatMap((v, i) => this.unknownFields(v, array[1], `${path}[${i}]`)) : [];
    }
    const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
    if (map) {
      return typeof value === 'object'
        ? Object.entries(value).flatMap(([k, v]) => this.unknownFields(v, map[1], `${path}.${k}`))
        : [];
    }
    const model = this.clientClass(type);
    if (!model || typeof value !== 'object' || Array.isArray(value)) return [];
    const attributes = new Map(model.getAttributeTypeMap().map((a) => [a.baseName, a.type]));
    return Object.entries(value).flatMap(([key, child]) => {
      const childType = attributes.get(key);
      const childPath = path === '' ? key : `${path}.${key}`;
      return childType === undefined ? [childPath] : this.unknownFields(child, childType, childPath);
    });
  }
}
