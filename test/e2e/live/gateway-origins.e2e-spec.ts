/**
 * The gateway admits sockets from the web origins in GATEWAY_ALLOWED_ORIGINS only: a page of another origin is
 * refused at the handshake, over WebSocket as over polling, before its token is even looked at. A client that
 * sends no Origin (a program, not a browser page) goes on to authenticate as before. Real gateway process,
 * real socket.io clients setting the Origin header a browser would send.
 */
import { Socket, io } from 'socket.io-client';
import { Role } from '@app/domain';
import { AppProcess, startApp } from '../../setup/app-process';
import { eventually } from '../../setup/board-client';
import { TestApi, startTestApi } from '../../setup/test-app';
import { SignedInUser, createSignedInUser } from '../../factories';

jest.setTimeout(60_000);

const WEB_ORIGIN = 'https://resettle.example.gov.uk';
const OTHER_SITE = 'https://evil.example';

type Transport = 'websocket' | 'polling';

describe('the gateway’s allowed origins', () => {
  let api: TestApi;
  let gateway: AppProcess;
  let prt: SignedInUser;

  beforeAll(async () => {
    api = await startTestApi();
    gateway = await startApp('gateway', { GATEWAY_ALLOWED_ORIGINS: `${WEB_ORIGIN},http://127.0.0.1:4100` });
    prt = await createSignedInUser(api.dataSource, api.baseUrl, { role: Role.PRE_RELEASE_TEAM, prisonCodes: ['STI'] });
  });

  afterAll(async () => {
    await gateway?.stop();
    await api?.close();
  });

  /** 'connected', or the reason the connection was refused. */
  function connect(options: { origin?: string; transport: Transport; token?: string }): Promise<string> {
    const socket: Socket = io(gateway.url, {
      auth: { token: options.token ?? prt.token },
      transports: [options.transport],
      extraHeaders: options.origin === undefined ? {} : { origin: options.origin },
      reconnection: false,
      forceNew: true,
    });
    return new Promise<string>((resolve) => {
      socket.once('connect', () => resolve('connected'));
      socket.once('connect_error', (error: Error) => resolve(error.message));
    }).finally(() => socket.close());
  }

  it.each<Transport>(['websocket', 'polling'])('admits a page of an allowed origin (%s)', async (transport) => {
    await expect(connect({ origin: WEB_ORIGIN, transport })).resolves.toBe('connected');
  });

  it.each<Transport>(['websocket', 'polling'])(
    'refuses a page of another origin at the handshake, even with a good token (%s)',
    async (transport) => {
      const answer = await connect({ origin: OTHER_SITE, transport });

      expect(answer).not.toBe('connected');
      // Refused by the origin check, not by authentication (which would say "unauthorised").
      expect(answer).not.toMatch(/unauthorised/);
      await expect(
        eventually(
          () => gateway.output.some((line) => line.includes(`refused a socket from origin ${OTHER_SITE}`)),
          5_000,
        ),
      ).resolves.toBe(true);
    },
  );

  it('refuses an origin that differs only in scheme or port', async () => {
    await expect(connect({ origin: 'http://resettle.example.gov.uk', transport: 'websocket' })).resolves.not.toBe(
      'connected',
    );
    await expect(connect({ origin: 'http://127.0.0.1:4101', transport: 'websocket' })).resolves.not.toBe('connected');
  });

  it('lets a client with no Origin header (a program, not a page) authenticate with its token', async () => {
    await expect(connect({ transport: 'websocket' })).resolves.toBe('connected');
    await expect(connect({ transport: 'websocket', token: 'not-a-token' })).resolves.toMatch(/unauthorised/);
  });
});
