/**
 * The API serves the web app's build and nothing else from its folder: index.html at / and /index.html, the bundles
 * under /assets/. Any other path goes to the API's routes, never to a file lookup (WEB_DIST_DIR is a scratch folder
 * here holding two files outside those paths, which must not be served).
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role } from '@app/domain';
import { SignedInUser, createSignedInUser } from '../../factories';
import { TestApi, startTestApi } from '../../setup/test-app';

describe('the web app’s files', () => {
  let api: TestApi;
  let prt: SignedInUser;
  const webDir = mkdtempSync(join(tmpdir(), 'resettle-web-files-'));

  beforeAll(async () => {
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Resettle</title>');
    writeFileSync(join(webDir, 'assets', 'app-1234.js'), 'console.log("app")');
    writeFileSync(join(webDir, 'women'), 'a file where an API path is');
    writeFileSync(join(webDir, 'notes.txt'), 'not part of the app');
    api = await startTestApi({ WEB_DIST_DIR: webDir });
    prt = await createSignedInUser(api.dataSource, api.baseUrl, { role: Role.PRE_RELEASE_TEAM, prisonCodes: ['STI'] });
  });

  afterAll(async () => {
    await api?.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('answers the page at / and /index.html and the bundles under /assets/', async () => {
    for (const path of ['/', '/index.html', '/?from=link']) {
      const page = await fetch(`${api.baseUrl}${path}`);
      expect({ path, status: page.status, type: page.headers.get('content-type') }).toEqual({
        path,
        status: 200,
        type: 'text/html; charset=utf-8',
      });
      await expect(page.text()).resolves.toContain('<title>Resettle</title>');
      expect(page.headers.get('cache-control')).toBe('public, max-age=3600');
    }
    const bundle = await fetch(`${api.baseUrl}/assets/app-1234.js`);
    expect(bundle.status).toBe(200);
    await expect(bundle.text()).resolves.toBe('console.log("app")');
    expect(bundle.headers.get('cache-control')).toBe('public, max-age=3600');
  });

  it('serves no other file in the folder, and no folder listing', async () => {
    for (const path of ['/notes.txt', '/assets/', '/assets/missing.js', '/assets/../notes.txt']) {
      const response = await fetch(`${api.baseUrl}${path}`);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
      await expect(response.text()).resolves.not.toContain('not part of the app');
    }
  });

  it('leaves API paths to the API, even where a file of that name is there', async () => {
    const list = await fetch(`${api.baseUrl}/women?limit=1`, { headers: { authorization: `Bearer ${prt.token}` } });
    expect(list.status).toBe(200);
    expect(list.headers.get('content-type')).toContain('application/json');
    // Personal data: the browser keeps no copy, and there is no ETag to revalidate one with.
    expect(list.headers.get('cache-control')).toBe('no-store');
    expect(list.headers.get('etag')).toBeNull();
    const encodedDotSegment = await fetch(`${api.baseUrl}/women/..%2F`, {
      headers: { authorization: `Bearer ${prt.token}` },
    });
    expect(encodedDotSegment.status).toBe(400);
  });

  it('keeps no-store on what is served beside the API routes: the docs and the admin queue board', async () => {
    for (const path of ['/docs', '/docs/openapi.json', '/admin/queues']) {
      const response = await fetch(`${api.baseUrl}${path}`);
      expect({ path, cacheControl: response.headers.get('cache-control') }).toEqual({ path, cacheControl: 'no-store' });
    }
  });
});
