/**
 * A stand-in for GOV.UK Notify's API over real HTTP, checking requests the way Notify's documentation says it
 * does (https://docs.notifications.service.gov.uk/rest-api.html): a Bearer JWT signed HS256 with the API key's
 * secret, `iss` the service id, `iat` within 30 seconds of now; POST /v2/notifications/email and /sms with a
 * template id, the recipient, personalisation and our reference; GET /v2/notifications?reference=... to find a
 * message already sent. A test can make it answer errors (429, 500, ...) to the next posts, or hold the next
 * post: accepted and recorded as Notify would, but never answered (the worker is killed while it waits).
 */
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeNotifyKey {
  serviceId: string;
  secret: string;
  /** As Notify issues it: {key_name}-{service id}-{secret}. */
  apiKey: string;
}

export function fakeNotifyKey(): FakeNotifyKey {
  const serviceId = randomUUID();
  const secret = randomUUID();
  return { serviceId, secret, apiKey: `resettle_e2e-${serviceId}-${secret}` };
}

export interface ReceivedPost {
  channel: 'email' | 'sms';
  templateId: string;
  to: string;
  personalisation: Record<string, unknown>;
  reference: string | null;
  /** What it answered: a status, or 'held'. */
  answer: number | 'held';
  /** Notify's id for an accepted message. */
  id: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function base64url(buffer: Buffer): string {
  return buffer.toString('base64url');
}

/** Why Notify would refuse this Authorization header, or null when it accepts it. */
export function notifyAuthProblem(
  authorization: string | undefined,
  key: Pick<FakeNotifyKey, 'serviceId' | 'secret'>,
  nowSeconds: number,
): string | null {
  const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
  if (!token) return 'Unauthorized: authentication token must be provided';
  const parts = token.split('.');
  if (parts.length !== 3) return 'Invalid token: not a JWT';
  const [header, payload, signature] = parts;
  let head: { alg?: string; typ?: string };
  let claims: { iss?: string; iat?: number };
  try {
    head = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as typeof head;
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as typeof claims;
  } catch {
    return 'Invalid token: not JSON';
  }
  if (head.alg !== 'HS256') return 'Invalid token: algorithm must be HS256';
  const expected = base64url(createHmac('sha256', key.secret).update(`${header}.${payload}`).digest());
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, Buffer.from(expected))) {
    return 'Invalid token: API key not found';
  }
  if (claims.iss !== key.serviceId) return 'Invalid token: service id does not match';
  if (typeof claims.iat !== 'number' || Math.abs(nowSeconds - claims.iat) > 30) {
    return 'Error: Your system clock must be accurate to within 30 seconds';
  }
  return null;
}

const ERROR_NAMES: Record<number, string> = {
  400: 'BadRequestError',
  403: 'AuthError',
  429: 'RateLimitError',
  500: 'Exception',
};

export class FakeNotifyServer {
  readonly posts: ReceivedPost[] = [];
  readonly lookups: string[] = [];
  readonly refusedAuth: string[] = [];
  private readonly scripted: number[] = [];
  private holdNext: (() => void) | null = null;
  private readonly held: ServerResponse[] = [];

  private constructor(
    private readonly server: Server,
    readonly key: FakeNotifyKey,
    readonly url: string,
  ) {}

  static async start(key: FakeNotifyKey = fakeNotifyKey()): Promise<FakeNotifyServer> {
    let fake: FakeNotifyServer | null = null;
    const server = createServer((req, res) => {
      fake?.handle(req, res).catch((error: unknown) => {
        res.writeHead(500).end(String(error));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    fake = new FakeNotifyServer(server, key, `http://127.0.0.1:${port}`);
    return fake;
  }

  /** The next posts get these statuses (and no message is created), in order. */
  answerNext(...statuses: number[]): void {
    this.scripted.push(...statuses);
  }

  /** The next post is accepted but never answered; resolves when it has arrived. */
  holdNextPost(): Promise<void> {
    return new Promise((resolve) => {
      this.holdNext = resolve;
    });
  }

  postsFor(to: string): ReceivedPost[] {
    return this.posts.filter((p) => p.to === to);
  }

  async close(): Promise<void> {
    this.held.forEach((res) => res.destroy());
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const auth = notifyAuthProblem(req.headers.authorization, this.key, Math.floor(Date.now() / 1000));
    if (auth) {
      this.refusedAuth.push(auth);
      return this.error(res, 403, auth);
    }
    const url = new URL(req.url ?? '/', this.url);
    const channel = /^\/v2\/notifications\/(email|sms)$/.exec(url.pathname)?.[1] as 'email' | 'sms' | undefined;
    if (req.method === 'POST' && channel) return this.post(channel, await readJson(req), res);
    if (req.method === 'GET' && url.pathname === '/v2/notifications') {
      const reference = url.searchParams.get('reference') ?? '';
      this.lookups.push(reference);
      const found = this.posts.filter((p) => p.id && p.reference === reference);
      return this.json(res, 200, {
        notifications: found.map((p) => ({ id: p.id, reference: p.reference, type: p.channel, status: 'sending' })),
        links: { current: `${this.url}/v2/notifications` },
      });
    }
    return this.error(res, 404, 'Not found');
  }

  private post(channel: 'email' | 'sms', body: Record<string, unknown>, res: ServerResponse): void {
    const to = channel === 'email' ? body.email_address : body.phone_number;
    const problem =
      typeof body.template_id !== 'string' || !UUID.test(body.template_id)
        ? 'template_id is not a valid UUID'
        : typeof to !== 'string' || to === ''
          ? `${channel === 'email' ? 'email_address' : 'phone_number'} is a required property`
          : body.personalisation !== undefined &&
              (typeof body.personalisation !== 'object' ||
                Object.values(body.personalisation as object).some((v) => typeof v !== 'string'))
            ? 'personalisation must be an object of strings'
            : null;
    const received: ReceivedPost = {
      channel,
      templateId: String(body.template_id),
      to: String(to),
      personalisation: (body.personalisation as Record<string, unknown>) ?? {},
      reference: typeof body.reference === 'string' ? body.reference : null,
      answer: 400,
      id: null,
    };
    this.posts.push(received);
    if (problem) return this.error(res, 400, problem);
    const scripted = this.scripted.shift();
    if (scripted !== undefined) {
      received.answer = scripted;
      return this.error(res, scripted, `scripted ${scripted}`);
    }
    received.id = randomUUID();
    if (this.holdNext) {
      received.answer = 'held';
      this.held.push(res);
      const arrived = this.holdNext;
      this.holdNext = null;
      arrived();
      return;
    }
    received.answer = 201;
    this.json(res, 201, {
      id: received.id,
      reference: received.reference,
      content: { body: 'fake', subject: 'fake', from_email: 'resettle@notifications.service.gov.uk' },
      uri: `${this.url}/v2/notifications/${received.id}`,
      template: { id: received.templateId, version: 1, uri: `${this.url}/v2/template/${received.templateId}` },
    });
  }

  private error(res: ServerResponse, status: number, message: string): void {
    this.json(res, status, { status_code: status, errors: [{ error: ERROR_NAMES[status] ?? 'Error', message }] });
  }

  private json(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}
