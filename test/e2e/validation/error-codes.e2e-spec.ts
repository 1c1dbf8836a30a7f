/**
 * Every error body carries a stable `code` (libs/contracts api-errors.ts) beside its English message, so the web can
 * say it in English or Welsh: a wrong password, a missing token, a bad field, malformed JSON, an id that does not
 * exist, a refusal, and a claim lost to a colleague, each against the real API and PostgreSQL.
 */
import { ApiErrorCode } from '@app/contracts';
import { Role } from '@app/domain';
import type { TaskView } from '@app/contracts';
import { ApiClient } from '../../setup/api-client';
import { TestApi, startTestApi } from '../../setup/test-app';
import {
  SignedInUser,
  createProvider,
  createReleaseArea,
  createSignedInUser,
  createWoman,
  recordNeeds,
} from '../../factories';

jest.setTimeout(60_000);

describe('error codes', () => {
  let api: TestApi;
  let prt: SignedInUser;

  beforeAll(async () => {
    api = await startTestApi();
    prt = await createSignedInUser(api.dataSource, api.baseUrl, { role: Role.PRE_RELEASE_TEAM, prisonCodes: ['STI'] });
  });

  afterAll(async () => {
    await api?.close();
  });

  it('keys a wrong password SIGN_IN_FAILED and a missing token NOT_SIGNED_IN', async () => {
    const anonymous = new ApiClient(api.baseUrl);
    const login = await anonymous.post<{ code: string }>('/auth/login', { username: prt.username, password: 'wrong' });
    expect([login.status, login.body.code]).toEqual([401, ApiErrorCode.SIGN_IN_FAILED]);
    const women = await anonymous.get<{ code: string }>('/women?prison=STI');
    expect([women.status, women.body.code]).toEqual([401, ApiErrorCode.NOT_SIGNED_IN]);
  });

  it('keys a bad field VALIDATION_FAILED, naming the field, and malformed JSON INVALID_JSON', async () => {
    const bad = await prt.api.patch<{ code: string; fields: { field: string }[] }>('/users/me/settings', {
      preferredLanguage: 'fr',
    });
    expect([bad.status, bad.body.code]).toEqual([400, ApiErrorCode.VALIDATION_FAILED]);
    expect(bad.body.fields.map((f) => f.field)).toEqual(['preferredLanguage']);
    const malformed = await fetch(`${api.baseUrl}/users/me/settings`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${prt.token}`, 'content-type': 'application/json' },
      body: '{"preferredLanguage":',
    });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { code: string }).code).toBe(ApiErrorCode.INVALID_JSON);
  });

  it('keys an unknown id NOT_FOUND and a refusal FORBIDDEN', async () => {
    const missing = await prt.api.get<{ code: string }>('/women/00000000-0000-4000-8000-000000000000');
    expect([missing.status, missing.body.code]).toEqual([404, ApiErrorCode.NOT_FOUND]);
    const refused = await prt.api.get<{ code: string }>('/users');
    expect([refused.status, refused.body.code]).toEqual([403, ApiErrorCode.FORBIDDEN]);
  });

  it('keys a claim lost to a colleague ALREADY_CLAIMED, with who holds it', async () => {
    const provider = await createProvider(api.dataSource);
    const areaCode = (await createReleaseArea(api.dataSource, provider.id)).code;
    const [winner, loser] = await Promise.all(
      [0, 1].map(() =>
        createSignedInUser(api.dataSource, api.baseUrl, { role: Role.CRS_CASEWORKER, providerId: provider.id }),
      ),
    );
    const woman = await createWoman(api.baseUrl, prt.token, { releaseAreaCode: areaCode });
    const { tasksCreated } = await recordNeeds(prt.api, woman.id, ['ACCOMMODATION']);
    const task = tasksCreated.find((t) => t.ownerRole === Role.CRS_CASEWORKER) as TaskView;
    expect((await winner.api.post(`/tasks/${task.id}/claim`, {})).status).toBe(200);
    const lost = await loser.api.post<{ code: string; heldBy: { displayName: string } }>(`/tasks/${task.id}/claim`, {});
    expect([lost.status, lost.body.code, lost.body.heldBy.displayName]).toEqual([
      409,
      ApiErrorCode.ALREADY_CLAIMED,
      winner.displayName,
    ]);
  });
});
