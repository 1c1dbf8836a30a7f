/**
 * Bank accounts and ID documents end to end (recommendation 10): one active application, status logs,
 * eligibility with reasons, a barrier swapping the task for its alternative, ID lead times as deadlines,
 * and the National Insurance warning on the day she arrives.
 */
import { Role, addWorkingDays, expectedArrival, IdDocumentType, londonDateOf, TaskStatus } from '@app/domain';
import type { TaskView, WomanDetailView, WomanView } from '@app/contracts';
import { ApiResponse, ErrorBody, messageOf } from '../../setup/api-client';
import { TestApi, startTestApi } from '../../setup/test-app';
import { SignedInUser, createSignedInUser, createWoman, daysFromToday, recordNeeds, today } from '../../factories';

interface BankAccountView {
  eligibility: { eligible: boolean; reasons?: string[] };
  barrier: string | null;
  applications: {
    id: string;
    status: string;
    version: number;
    statusLog: { fromStatus: string | null; toStatus: string }[];
  }[];
}

interface IdDocumentsView {
  documents: {
    documentType: string;
    applyBy: string | null;
    feasibleBeforeRelease: boolean | null;
    activeApplicationId: string | null;
  }[];
  applications: {
    id: string;
    documentType: string;
    status: string;
    expectedBy: string;
    costPence: number;
    refundPence: number | null;
    version: number;
  }[];
}

describe('finance and ID', () => {
  let api: TestApi;
  let prt: SignedInUser;
  let governor: SignedInUser;

  beforeAll(async () => {
    api = await startTestApi();
    prt = await createSignedInUser(api.dataSource, api.baseUrl, { role: Role.PRE_RELEASE_TEAM, prisonCodes: ['STI'] });
    governor = await createSignedInUser(api.dataSource, api.baseUrl, { role: Role.GOVERNOR, prisonCodes: ['STI'] });
  });

  afterAll(async () => {
    await api?.close();
  });

  function ok<T>(response: ApiResponse<T | ErrorBody>, status = 200): T {
    if (response.status !== status) throw new Error(`${response.status}: ${JSON.stringify(response.body)}`);
    return response.body as T;
  }

  async function tasksOf(womanId: string): Promise<TaskView[]> {
    return ok(await prt.api.get<WomanDetailView>(`/women/${womanId}`)).tasks;
  }

  async function count(table: string, womanId: string): Promise<number> {
    const rows: { n: string }[] = await api.dataSource.query(`SELECT count(*) AS n FROM ${table} WHERE woman_id = $1`, [
      womanId,
    ]);
    return Number(rows[0].n);
  }

  describe('bank accounts', () => {
    it('keeps one active application, logs every status, and closes the task when the account opens', async () => {
      const woman = await createWoman(api.baseUrl, prt.token);
      await recordNeeds(prt.api, woman.id, ['FINANCE_AND_ID']);
      const first = ok(
        await prt.api.post<BankAccountView>(`/women/${woman.id}/bank-account/applications`, { bankName: 'Basic Bank' }),
        201,
      );
      expect(first.applications.map((a) => a.status)).toEqual(['PENDING']);

      const second = await prt.api.post<ErrorBody>(`/women/${woman.id}/bank-account/applications`, {
        bankName: 'Other',
      });
      expect(second.status).toBe(409);
      expect(await count('bank_account_applications', woman.id)).toBe(1);

      let application = first.applications[0];
      for (const status of ['RETURNED_INCOMPLETE', 'RESUBMITTED', 'ACCOUNT_OPENED']) {
        const view = ok(
          await prt.api.post<BankAccountView>(`/bank-account-applications/${application.id}/status`, {
            status,
            reason: status === 'RETURNED_INCOMPLETE' ? 'Proof of address missing' : undefined,
            version: application.version,
          }),
        );
        application = view.applications[0];
      }
      expect(application.statusLog.map((c) => c.toStatus)).toEqual([
        'PENDING',
        'RETURNED_INCOMPLETE',
        'RESUBMITTED',
        'ACCOUNT_OPENED',
      ]);
      expect((await tasksOf(woman.id)).find((t) => t.templateKey === 'BANK_ACCOUNT')?.status).toBe('DONE');

      const backwards = await prt.api.post<ErrorBody>(`/bank-account-applications/${application.id}/status`, {
        status: 'PENDING',
        version: application.version,
      });
      expect(backwards.status).toBe(409);
      expect(messageOf(backwards.body)).toContain('ACCOUNT_OPENED is final');

      const trail = ok(await prt.api.get<WomanDetailView>(`/women/${woman.id}`)).auditTrail.filter(
        (e) => e.entityType === 'BANK_ACCOUNT',
      );
      expect(trail.map((e) => [e.action, e.actorId])).toEqual([
        ['APPLIED', prt.id],
        ['STATUS_CHANGED', prt.id],
        ['STATUS_CHANGED', prt.id],
        ['STATUS_CHANGED', prt.id],
      ]);
    });

    it('refuses an application from a woman with six weeks or less to serve, says why, and writes nothing', async () => {
      const woman = await createWoman(api.baseUrl, prt.token, { conditionalReleaseDate: daysFromToday(30) });
      const refused = await prt.api.post<ErrorBody & { reasons: string[] }>(
        `/women/${woman.id}/bank-account/applications`,
        { bankName: 'Basic Bank' },
      );
      expect(refused.status).toBe(422);
      expect(refused.body.reasons.join(' ')).toContain('more than 42 days (6 weeks)');
      expect(await count('bank_account_applications', woman.id)).toBe(0);

      // Planning her finance needs gives her the alternative, with the same reason.
      const { tasksCreated } = await recordNeeds(prt.api, woman.id, ['FINANCE_AND_ID']);
      const alternative = tasksCreated.find((t) => t.templateKey === 'BANK_ACCOUNT_ALTERNATIVE');
      expect(alternative?.ineligibleReasons?.join(' ')).toContain('more than 42 days (6 weeks)');
    });

    it('swaps the bank account task for its alternative when a barrier is recorded, and back when it clears', async () => {
      const woman = await createWoman(api.baseUrl, prt.token);
      await recordNeeds(prt.api, woman.id, ['FINANCE_AND_ID']);
      const view = ok(
        await prt.api.put<BankAccountView>(`/women/${woman.id}/bank-account/barrier`, {
          barrier: 'Existing joint account with an abusive partner',
        }),
      );
      expect(view.eligibility).toEqual({
        eligible: false,
        reasons: ['A banking barrier is recorded: Existing joint account with an abusive partner.'],
      });
      let tasks = await tasksOf(woman.id);
      expect(tasks.find((t) => t.templateKey === 'BANK_ACCOUNT')?.status).toBe('NOT_NEEDED');
      const alternative = tasks.find((t) => t.templateKey === 'BANK_ACCOUNT_ALTERNATIVE');
      expect(alternative?.status).toBe('TODO');
      expect(alternative?.ineligibleReasons).toEqual(view.eligibility.reasons);

      ok(await prt.api.put(`/women/${woman.id}/bank-account/barrier`, { barrier: null }));
      tasks = await tasksOf(woman.id);
      expect(tasks.filter((t) => t.templateKey === 'BANK_ACCOUNT' && t.status === TaskStatus.TODO)).toHaveLength(1);
      expect(tasks.find((t) => t.id === alternative?.id)?.status).toBe('NOT_NEEDED');
    });

    it('lets a governor neither look (finance and ID records are not hers to read) nor apply', async () => {
      const woman = await createWoman(api.baseUrl, prt.token);
      expect((await governor.api.get(`/women/${woman.id}/bank-account`)).status).toBe(403);
      expect((await governor.api.get(`/women/${woman.id}/id-documents`)).status).toBe(403);
      expect(
        (await governor.api.post(`/women/${woman.id}/bank-account/applications`, { bankName: 'Basic Bank' })).status,
      ).toBe(403);
    });
  });

  describe('ID documents', () => {
    it('tracks an application with a task due when the issuer should have delivered, one active per type', async () => {
      const woman = await createWoman(api.baseUrl, prt.token);
      const view = ok(
        await prt.api.post<IdDocumentsView>(`/women/${woman.id}/id-documents`, { documentType: 'BIRTH_CERTIFICATE' }),
        201,
      );
      const application = view.applications[0];
      const expectedBy = expectedArrival(IdDocumentType.BIRTH_CERTIFICATE, today());
      expect(application).toMatchObject({ status: 'APPLIED', costPence: 1250, expectedBy });
      const tracking = (await tasksOf(woman.id)).find((t) => t.templateKey === 'ID_DOCUMENT_BIRTH_CERTIFICATE');
      expect(tracking).toMatchObject({ status: 'TODO', dueDate: expectedBy, ownerRole: 'PRE_RELEASE_TEAM' });

      expect(
        (await prt.api.post(`/women/${woman.id}/id-documents`, { documentType: 'BIRTH_CERTIFICATE' })).status,
      ).toBe(409);
      ok(await prt.api.post(`/women/${woman.id}/id-documents`, { documentType: 'DEED_POLL', costPence: 3650 }), 201);
      expect(await count('id_document_applications', woman.id)).toBe(2);

      const noDate = await prt.api.post<ErrorBody & { fields: { field: string }[] }>(
        `/id-document-applications/${application.id}/outcome`,
        { outcome: 'ACCEPTED', version: application.version },
      );
      expect(noDate.status).toBe(400);
      expect(noDate.body.fields.map((f) => f.field)).toEqual(['receivedOn']);

      ok(
        await prt.api.post(`/id-document-applications/${application.id}/outcome`, {
          outcome: 'ACCEPTED',
          receivedOn: today(),
          version: application.version,
        }),
      );
      expect((await tasksOf(woman.id)).find((t) => t.id === tracking?.id)?.status).toBe('DONE');
      const again = await prt.api.post<ErrorBody>(`/id-document-applications/${application.id}/outcome`, {
        outcome: 'REJECTED',
        rejectionReason: 'Changed my mind',
        version: application.version + 1,
      });
      expect(again.status).toBe(409);
    });

    it('records a rejection with its refund and frees the type for a new application', async () => {
      const woman = await createWoman(api.baseUrl, prt.token);
      const [application] = ok(
        await prt.api.post<IdDocumentsView>(`/women/${woman.id}/id-documents`, { documentType: 'DRIVING_LICENCE' }),
        201,
      ).applications;
      const rejected = ok(
        await prt.api.post<IdDocumentsView>(`/id-document-applications/${application.id}/outcome`, {
          outcome: 'REJECTED',
          rejectionReason: 'No permanent release address',
          refundPence: 1700,
          version: application.version,
        }),
      );
      expect(rejected.applications[0]).toMatchObject({ status: 'REJECTED', refundPence: 1700 });
      expect((await prt.api.post(`/women/${woman.id}/id-documents`, { documentType: 'DRIVING_LICENCE' })).status).toBe(
        201,
      );
    });

    it('marks her as having an NI number when the letter arrives, and closes the NI task', async () => {
      const woman = await createWoman(api.baseUrl, prt.token);
      await recordNeeds(prt.api, woman.id, ['FINANCE_AND_ID']);
      const [application] = ok(
        await prt.api.post<IdDocumentsView>(`/women/${woman.id}/id-documents`, {
          documentType: 'NATIONAL_INSURANCE_NUMBER_LETTER',
        }),
        201,
      ).applications;
      ok(
        await prt.api.post(`/id-document-applications/${application.id}/outcome`, {
          outcome: 'ACCEPTED',
          receivedOn: today(),
          version: application.version,
        }),
      );
      const detail = ok(await prt.api.get<WomanDetailView>(`/women/${woman.id}`));
      expect(detail.hasNationalInsuranceNumber).toBe(true);
      // Not a foreign national: the task was to have HMRC confirm her number (issue 13 point 6).
      expect(detail.tasks.find((t) => t.templateKey === 'NATIONAL_INSURANCE_NUMBER_CONFIRM')?.status).toBe('DONE');
    });
  });

  describe('the National Insurance number warning', () => {
    it('is on her card the day she arrives when release is too close for the normal route', async () => {
      // HMRC confirms an existing number in up to 15 days (CA5403): 14 days is too close, 40 is not.
      const soon = await createWoman(api.baseUrl, prt.token, { conditionalReleaseDate: daysFromToday(14) });
      expect(soon.warnings.map((w) => w.code)).toContain('NI_NUMBER_TOO_LATE');
      const board = ok(await prt.api.get<{ items: WomanView[] }>('/women?prison=STI&window=12w&limit=500'));
      expect(board.items.find((w) => w.id === soon.id)?.warnings.map((w) => w.code)).toContain('NI_NUMBER_TOO_LATE');

      const later = await createWoman(api.baseUrl, prt.token, { conditionalReleaseDate: daysFromToday(200) });
      expect(later.warnings.map((w) => w.code)).not.toContain('NI_NUMBER_TOO_LATE');

      const hasOne = await createWoman(api.baseUrl, prt.token, { conditionalReleaseDate: daysFromToday(14) });
      const patched = ok(
        await prt.api.patch<WomanView>(`/women/${hasOne.id}`, {
          hasNationalInsuranceNumber: true,
          version: hasOne.version,
        }),
      );
      expect(patched.warnings.map((w) => w.code)).not.toContain('NI_NUMBER_TOO_LATE');
    });

    it('says by when each document must be applied for', async () => {
      const releaseDate = addWorkingDays(daysFromToday(100), 0);
      const woman = await createWoman(api.baseUrl, prt.token, { confirmedReleaseDate: releaseDate });
      const view = ok(await prt.api.get<IdDocumentsView>(`/women/${woman.id}/id-documents`));
      const ni = view.documents.find((d) => d.documentType === 'NATIONAL_INSURANCE_NUMBER_LETTER');
      expect(ni?.feasibleBeforeRelease).toBe(true);
      expect(ni?.applyBy && ni.applyBy < woman.releaseDate!).toBe(true);
      expect(londonDateOf(new Date()) <= (ni?.applyBy ?? '')).toBe(true);
    });
  });
});
