/**
 * Every GET operation of the API's own OpenAPI document (generated, not a hand list), and the concrete requests
 * each stands for on the policy fixture (test/factories/policy-fixture.factory.ts): its path parameters filled
 * with the fixture's records, its query with the filters that select them. Shared by the oracles that must cover
 * every read the day it lands (test/e2e/scope/policy-oracle.e2e-spec.ts, server-time-zone.e2e-spec.ts).
 */
import type { DataKind } from '@app/domain';
import type { PolicyFixture } from '../factories';

const DATA_KINDS_EXTENSION = 'x-data-kinds';

export interface GetOperation {
  path: string;
  /** The data kinds it declares it exposes (x-data-kinds); undefined when it declares none. */
  kinds: DataKind[];
  pathParams: string[];
  queryParams: string[];
}

export async function readGetOperations(baseUrl: string): Promise<GetOperation[]> {
  const document = (await (await fetch(`${baseUrl}/docs/openapi.json`)).json()) as {
    paths: Record<string, Record<string, { parameters?: { name: string; in: string }[]; [key: string]: unknown }>>;
  };
  return Object.entries(document.paths).flatMap(([path, methods]) => {
    const get = methods.get;
    if (!get) return [];
    const params = get.parameters ?? [];
    return [
      {
        path,
        kinds: (get[DATA_KINDS_EXTENSION] as DataKind[] | undefined) ?? (undefined as unknown as DataKind[]),
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: params.filter((p) => p.in === 'query').map((p) => p.name),
      },
    ];
  });
}

/** Values for a path parameter, by its name (and, for a bare `id`, the collection it names). */
function valuesFor(fixture: PolicyFixture, path: string, name: string): string[] {
  const segments = path.split('/');
  const at = segments.indexOf(`{${name}}`);
  const key = name === 'id' ? `${segments[at - 1]}.id` : name;
  const values: Record<string, string[]> = {
    'women.id': [fixture.women.a.id, fixture.women.b.id],
    womanId: [fixture.women.a.id, fixture.women.b.id],
    'tasks.id': [...fixture.tasksA.map((t) => t.id), ...fixture.tasksB.slice(0, 1).map((t) => t.id)],
    'referrals.id': [fixture.referrals.draft.id, fixture.referrals.sent.id],
  };
  const found = values[key];
  if (!found) throw new Error(`The oracle has no fixture value for path parameter ${name} of ${path}`);
  return found;
}

/** The requests (path and query) an operation stands for on the fixture. */
export function expandOperation(fixture: PolicyFixture, operation: GetOperation): string[] {
  let paths = [operation.path];
  for (const name of operation.pathParams) {
    paths = paths.flatMap((p) => valuesFor(fixture, operation.path, name).map((v) => p.replace(`{${name}}`, v)));
  }
  const queries: string[] = [''];
  if (operation.queryParams.includes('womanId')) {
    queries.push(`womanId=${fixture.women.a.id}`, `womanId=${fixture.women.b.id}`);
  }
  if (operation.queryParams.includes('prison')) queries.push(`prison=${fixture.prisonCode}`);
  if (operation.queryParams.includes('limit')) queries.push('limit=500');
  return paths.flatMap((p) => queries.map((q) => (q ? `${p}?${q}` : p)));
}
