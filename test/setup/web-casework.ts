/**
 * What the browser suites of casework share: the API with a gateway it names to its pages (the gateway's port comes
 * first, so the API can name it and the gateway can admit the API's pages), a worker (its outbox relay is what puts
 * a change on the pages' sockets: without it a page learns of a change only from a fetch it happened to make), a
 * CRS provider and its release area, the pre-release team at Styal, a COM and a caseworker of the provider, and a
 * browser.
 */
import { Browser } from 'playwright-core';
import { Role } from '@app/domain';
import { ApiResponse, ErrorBody } from './api-client';
import { AppProcess, freePort, startApp } from './app-process';
import { launchBrowser } from './browser';
import { TestApi, startTestApi } from './test-app';
import { SignedInUser, createProvider, createReleaseArea, createSignedInUser } from '../factories';

/** The processes a browser suite runs against: the API, its gateway and a worker, and a browser. */
export interface WebStack {
  api: TestApi;
  /** The running gateway; a suite that restarts it puts the new one here, so close() stops that one. */
  gateway: AppProcess;
  worker: AppProcess;
  browser: Browser;
  close(): Promise<void>;
}

export interface WebCasework extends WebStack {
  prt: SignedInUser;
  com: SignedInUser;
  caseworker: SignedInUser;
  /** The provider's release area: women released there are the caseworker's. */
  areaCode: string;
}

export async function startWebStack(): Promise<WebStack> {
  const gatewayPort = await freePort();
  const api = await startTestApi({ PUBLIC_GATEWAY_URL: `http://127.0.0.1:${gatewayPort}` });
  const [gateway, worker] = await Promise.all([
    startApp('gateway', { GATEWAY_ALLOWED_ORIGINS: api.baseUrl }, { port: gatewayPort }),
    startApp('worker', { HORIZON_EVERY_MS: '1000', RECONCILE_EVERY_MS: '600000' }),
  ]);
  const browser = await launchBrowser();
  const stack: WebStack = {
    api,
    gateway,
    worker,
    browser,
    // The gateway it stops is the one the suite holds now: a suite that restarts it sets `gateway` again.
    close: async () => {
      await stack.browser.close();
      await Promise.all([stack.gateway.stop(), stack.worker.stop()]);
      await stack.api.close();
    },
  };
  return stack;
}

export async function startWebCasework(): Promise<WebCasework> {
  const stack = await startWebStack();
  const { api } = stack;
  const provider = await createProvider(api.dataSource);
  const areaCode = (await createReleaseArea(api.dataSource, provider.id)).code;
  const [prt, com, caseworker] = await Promise.all([
    createSignedInUser(api.dataSource, api.baseUrl, { role: Role.PRE_RELEASE_TEAM, prisonCodes: ['STI'] }),
    createSignedInUser(api.dataSource, api.baseUrl, { role: Role.COM }),
    createSignedInUser(api.dataSource, api.baseUrl, { role: Role.CRS_CASEWORKER, providerId: provider.id }),
  ]);
  // The same object, so a suite that restarts the gateway (web.gateway = ...) is the one close() sees.
  return Object.assign(stack, { prt, com, caseworker, areaCode });
}

/** The body of a 200 or 201; anything else fails the test with the status and body. */
export function ok<T>(response: ApiResponse<T | ErrorBody>): T {
  if (response.status !== 200 && response.status !== 201) {
    throw new Error(`${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response.body as T;
}
