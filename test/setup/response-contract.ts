/**
 * The contract check: every answer the suites receive from the API is held against the API's own document
 * (GET /docs/openapi.json, read once per running API). An operation answering with a status its document does
 * not list, or with a body its schema refuses, fails the test that made the request, naming the operation, the
 * status and where in the body it went wrong; so the document cannot drift from what the API does.
 *
 * Ajv validates with the JSON Schema 2020-12 dialect OpenAPI 3.1 uses, formats (date-time, uuid) included.
 */
import Ajv2020, { ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

interface MediaType {
  schema?: object;
}

interface DocumentedResponse {
  content?: Record<string, MediaType>;
}

interface ApiDocument {
  paths: Record<string, Record<string, { responses?: Record<string, DocumentedResponse> }>>;
  components?: { schemas?: Record<string, object> };
}

interface DocumentedOperation {
  key: string;
  method: string;
  pattern: RegExp;
  /** Path parameters: of two templates that match, the one with fewer is the more specific. */
  parameters: number;
  responses: Record<string, DocumentedResponse>;
}

/** Where the components are registered with Ajv, so every `#/components/...` reference resolves against them. */
const COMPONENTS_ID = 'https://resettle.invalid/openapi.json';

function templatePattern(template: string): RegExp {
  const escaped = template
    .split(/\{[^}]+\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]+');
  return new RegExp(`^${escaped}$`);
}

export class ResponseContract {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly operations: DocumentedOperation[];

  constructor(document: ApiDocument) {
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: COMPONENTS_ID, components: document.components ?? {} });
    this.operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        pattern: templatePattern(path),
        parameters: (path.match(/\{/g) ?? []).length,
        responses: operation.responses ?? {},
      })),
    );
  }

  /** The documented operation a request reached; null for what is not an operation (pages, /docs, /metrics). */
  operationFor(method: string, url: string): DocumentedOperation | null {
    const path = url.split('?')[0];
    const matches = this.operations.filter((o) => o.method === method && o.pattern.test(path));
    return matches.sort((a, b) => a.parameters - b.parameters)[0] ?? null;
  }

  /** What is wrong with an answer, by the document; null when it is what the document promises. */
  problemWith(answer: {
    method: string;
    path: string;
    status: number;
    contentType: string;
    body: unknown;
  }): string | null {
    const operation = this.operationFor(answer.method, answer.path);
    if (!operation) return null;
    const response = operation.responses[String(answer.status)];
    if (!response) {
      const listed = Object.keys(operation.responses).join(', ');
      return `${operation.key} answered ${answer.status}, which its document does not list (it lists ${listed})`;
    }
    const mediaType = answer.contentType.split(';')[0].trim();
    if (answer.body === '' || answer.body === undefined) return null;
    if (!response.content?.[mediaType]) {
      const listed = Object.keys(response.content ?? {}).join(', ') || 'no body';
      return `${operation.key} answered ${answer.status} with ${mediaType}, which its document does not list (${listed})`;
    }
    if (mediaType !== 'application/json') return null;
    const validate = this.validatorFor(operation.key, answer.status, response.content[mediaType].schema ?? {});
    if (validate(answer.body)) return null;
    const errors = (validate.errors ?? [])
      .slice(0, 5)
      .map((e) => `body${e.instancePath} ${e.message ?? ''}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
    return `${operation.key} answered ${answer.status} with a body its document refuses: ${errors.join('; ')}`;
  }

  private validatorFor(key: string, status: number, schema: object): ValidateFunction {
    const id = `${key} ${status}`;
    let validate = this.validators.get(id);
    if (!validate) {
      const anchored = JSON.parse(
        JSON.stringify(schema).replace(/"#\/components\//g, `"${COMPONENTS_ID}#/components/`),
      );
      validate = this.ajv.compile(anchored as object);
      this.validators.set(id, validate);
    }
    return validate;
  }
}

const contracts = new Map<string, Promise<ResponseContract>>();

/** The contract of the API at this address, read from the document it serves (once per address). */
export function responseContract(baseUrl: string): Promise<ResponseContract> {
  let contract = contracts.get(baseUrl);
  if (!contract) {
    contract = fetch(`${baseUrl}/docs/openapi.json`).then(async (response) => {
      if (!response.ok) throw new Error(`${baseUrl}/docs/openapi.json answered ${response.status}`);
      return new ResponseContract((await response.json()) as ApiDocument);
    });
    contracts.set(baseUrl, contract);
    // A failed read is not kept: the next request tries again.
    contract.catch(() => contracts.delete(baseUrl));
  }
  return contract;
}

/** Throws (failing the test) when the API's answer breaks its document. */
export async function expectDocumentedAnswer(
  baseUrl: string,
  answer: { method: string; path: string; status: number; contentType: string; body: unknown },
): Promise<void> {
  const problem = (await responseContract(baseUrl)).problemWith(answer);
  if (problem) throw new Error(`The API broke its contract: ${problem}`);
}
