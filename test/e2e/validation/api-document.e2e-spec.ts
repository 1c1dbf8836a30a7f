/**
 * The API document's own claims, checked against the running API: every operation it lists has a summary, a
 * success body schema and at least one 4xx where input or a token is involved; and its security is the truth,
 * as an anonymous caller finds out: refused 401 exactly where the document asks for a token, never elsewhere.
 * (Each answer also passes through the response contract check in api-client.ts.)
 */
import { randomUUID } from 'node:crypto';
import { ApiClient } from '../../setup/api-client';
import { TestApi, startTestApi } from '../../setup/test-app';

interface DocumentedOperation {
  summary?: string;
  security?: Record<string, string[]>[];
  parameters?: { in: string }[];
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

interface ApiDocument {
  paths: Record<string, Record<string, DocumentedOperation>>;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

describe('the API document', () => {
  let api: TestApi;
  let operations: { method: Method; path: string; key: string; operation: DocumentedOperation }[];

  beforeAll(async () => {
    api = await startTestApi();
    const document = (await (await fetch(`${api.baseUrl}/docs/openapi.json`)).json()) as ApiDocument;
    operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({
        method: method.toUpperCase() as Method,
        path,
        key: `${method.toUpperCase()} ${path}`,
        operation,
      })),
    );
  });

  afterAll(async () => {
    await api?.close();
  });

  it('lists the API’s operations', () => {
    expect(operations.length).toBeGreaterThan(60);
  });

  it('gives every operation a summary, a success body schema and, where it takes input or a token, a 4xx', () => {
    const gaps = operations.flatMap(({ key, operation }) => {
      const success = Object.entries(operation.responses).find(([status]) => status.startsWith('2'));
      const problems: string[] = [];
      if (!operation.summary) problems.push(`${key}: no summary`);
      // JSON, or the document itself for an operation that answers a file (her release plan's application/pdf).
      const bodies = Object.values(success?.[1].content ?? {});
      if (!bodies.some((media) => media?.schema)) problems.push(`${key}: no success body schema`);
      const takesInput = (operation.parameters ?? []).length > 0 || operation.requestBody !== undefined;
      const needsToken = (operation.security ?? []).length > 0;
      const refusals = Object.keys(operation.responses).filter((status) => status.startsWith('4'));
      if ((takesInput || needsToken) && refusals.length === 0) problems.push(`${key}: no 4xx`);
      if (operation.security === undefined) problems.push(`${key}: no security (public operations say [])`);
      return problems;
    });

    expect(gaps).toEqual([]);
  });

  it('refuses an anonymous caller 401 exactly where the document asks for a token', async () => {
    const anonymous = new ApiClient(api.baseUrl);
    const wrong: string[] = [];
    for (const { method, path, key, operation } of operations) {
      // Any id will do: the token is checked before anything is looked up.
      const concrete = path.replace(/\{[^}]+\}/g, () => randomUUID());
      const response = await anonymous.send(method, concrete, method === 'GET' || method === 'DELETE' ? undefined : {});
      const needsToken = (operation.security ?? []).length > 0;
      if ((response.status === 401) !== needsToken) {
        wrong.push(`${key}: ${response.status}, but the document says ${needsToken ? 'a token is needed' : 'public'}`);
      }
    }

    expect(wrong).toEqual([]);
  });
});
