/**
 * Issue 13's practical needs through the API: bank accounts for recalled women (point 5), the two National
 * Insurance routes (6), eVisa access instead of the BRP (7), the reception tasks and tenancy protection (10),
 * and the Welsh homelessness pathway instead of England's duty to refer (11). Expected dates are worked out
 * here from the rule and its source, with the domain's calendar helpers, not read back from the API.
 */
import {
  addCalendarDays,
  addWorkingDays,
  CustodyStatus,
  housingCostsInCustody,
  lastWorkingDayOnOrBefore,
  Role,
  TaskStatus,
  WomanWarningCode,
} from '@app/domain';
import type { TaskView, WomanDetailView, WomanView } from '@app/contracts';
import { ApiResponse, ErrorBody } from '../../setup/api-client';
import { TestApi, startTestApi } from '../../setup/test-app';
import {
  SignedInUser,
  createSignedInUser,
  createWoman,
  daysFromToday,
  getCatalogue,
  recordNeeds,
  today,
} from '../../factories';

interface IdDocumentsView {
  documents: { documentType: string; leadTimeDays: number; issuer: string }[];
  applications: { id: string; documentType: string; status: string; label: string; version: number }[];
}

interface BankAccountView {
  eligibility: { eligible: boolean; reasons?: string[] };
}

type FieldErrorBody = ErrorBody & { fields: { field: string }[] };

describe('practical needs (issue 13 points 5, 6, 7, 10, 11)', () => {
  let api: TestApi;
  let prt: SignedInUser;
  let prtBronzefield: SignedInUser;

  beforeAll(async () => {
    api = await startTestApi();
    prt = await createSignedInUser(api.dataSource, api.baseUrl, { role: Role.PRE_RELEASE_TEAM, prisonCodes: ['STI'] });
    prtBronzefield = await createSignedInUser(api.dataSource, api.baseUrl, {
      role: Role.PRE_RELEASE_TEAM,
      prisonCodes: ['BZI'],
    });
  });

  afterAll(async () => {
    await api?.close();
  });

  function ok<T>(response: ApiResponse<T | ErrorBody>, status = 200): T {
    if (response.status !== status) throw new Error(`${response.status}: ${JSON.stringify(response.body)}`);
    return response.body as T;
  }

  async function detailOf(womanId: string, user: SignedInUser = prt): Promise<WomanDetailView> {
    return ok(await user.api.get<WomanDetailView>(`/women/${womanId}`));
  }

  function task(tasks: TaskView[], key: string): TaskView | undefined {
    return tasks.find((t) => t.templateKey === key);
  }

  async function count(table: string, womanId: string): Promise<number> {
    const rows: { n: string }[] = await api.dataSource.query(`SELECT count(*) AS n FROM ${table} WHERE woman_id = $1`, [
      womanId,
    ]);
    return Number(rows[0].n);
  }

  /** A calendar-day deadline on a non-working day is brought back to the working day before. */
  function daysBeforeRelease(releaseDate: string, days: number): string {
    return lastWorkingDayOnOrBefore(addCalendarDays(releaseDate, -days));
  }

  describe('point 5: bank accounts', () => {
    // Offender Banking Programme (MoJ, PQ 6936, 2017); Unlock: banks exclude those without a release date.
    it('plans the bank account itself for a recalled woman, and lets her apply', async () => {
      const woman = await createWoman(api.baseUrl, prt.token, {
        custodyStatus: 'RECALLED',
        // A recalled woman's release date is her post-recall release date (release-date-precedence.ts).
        postRecallReleaseDate: daysFromToday(120),
      });
      await recordNeeds(prt.api, woman.id, ['FINANCE_AND_ID']);
      const tasks = (await detailOf(woman.id)).tasks;
      expect(task(tasks, 'BANK_ACCOUNT')?.status).toBe(TaskStatus.TODO);
      expect(task(tasks, 'BANK_ACCOUNT_ALTERNATIVE')).toBeUndefined();
      const view = ok(await prt.api.get<BankAccountView>(`/women/${woman.id}/bank-account`));
      expect(view.eligibility).toEqual({ eligible: true });
      expect(
        (await prt.api.post(`/women/${woman.id}/bank-account/applications`, { bankName: 'Basic Bank' })).status,
      ).toBe(201);
    });

    it('still gives a remanded woman the alternative, saying she is not serving a sentence', async () => {
      const woman = await createWoman(api.baseUrl, prt.token, {
        custodyStatus: 'REMANDED',
        sentenceStartDate: undefined,
        conditionalReleaseDate: undefined,
        releaseType: undefined,
      });
      await recordNeeds(prt.api, woman.id, ['FINANCE_AND_ID']);
      const alternative = task((await detailOf(woman.id)).tasks, 'BANK_ACCOUNT_ALTERNATIVE');
      expect(alternative?.ineligibleReasons).toContain('She is remanded, not sentenced or recalled.');
      const refused = await prt.api.post<ErrorBody>(`/women/${woman.id}/bank-account/applications`, {
        bankName: 'Basic Bank',
      });
      expect(refused.status).toBeGreaterThanOrEqual(400);
      expect(await count('bank_account_applications', woman.id)).toBe(0);
    });
  });

  describe('point 6: National Insurance numbers', () => {
    it('retires the single NI task in the catalogue and holds the two routes with their own deadlines', async () => {
      const catalogue = await getCatalogue(prt.api);
      const entry = (key: string) => catalogue.find((e) => e.key === key);
      expect(entry('NATIONAL_INSURANCE_NUMBER')?.active).toBe(false);
      // gov.uk CA5403: up to 15 days, + 7 days' margin; DWP first number: 56 days allowed, + 7.
      expect([
        entry('NATIONAL_INSURANCE_NUMBER_CONFIRM')?.deadlineOffset,
        entry('NATIONAL_INSURANCE_NUMBER_CONFIRM')?.active,
      ]).toEqual([-22, true]);
      expect([
        entry('NATIONAL_INSURANCE_NUMBER_NEW')?.deadlineOffset,
        entry('NATIONAL_INSURANCE_NUMBER_NEW')?.active,
      ]).toEqual([-63, true]);
    });

    it('asks HMRC to confirm a number she already has, and a foreign national applies to DWP for a first one', async () => {
      const releaseDate = daysFromToday(150);
      const british = await createWoman(api.baseUrl, prt.token, { confirmedReleaseDate: releaseDate });
      const foreign = await createWoman(api.baseUrl, prt.token, {
        confirmedReleaseDate: releaseDate,
        sensitiveFlags: ['FOREIGN_NATIONAL'],
      });
      await recordNeeds(prt.api, british.id, ['FINANCE_AND_ID']);
      await recordNeeds(prt.api, foreign.id, ['FINANCE_AND_ID']);
      const britishTasks = (await detailOf(british.id)).tasks;
      const foreignTasks = (await detailOf(foreign.id)).tasks;
      const releasedOn = british.releaseDate as string;

      expect(task(britishTasks, 'NATIONAL_INSURANCE_NUMBER_CONFIRM')?.dueDate).toBe(daysBeforeRelease(releasedOn, 22));
      expect(task(britishTasks, 'NATIONAL_INSURANCE_NUMBER_NEW')).toBeUndefined();
      expect(task(britishTasks, 'NATIONAL_INSURANCE_NUMBER')).toBeUndefined();
      expect(task(foreignTasks, 'NATIONAL_INSURANCE_NUMBER_NEW')?.dueDate).toBe(daysBeforeRelease(releasedOn, 63));
      expect(task(foreignTasks, 'NATIONAL_INSURANCE_NUMBER_CONFIRM')).toBeUndefined();
    });

    it('warns by the route she needs: 40 days is enough to confirm a number, not to get a first one', async () => {
      const british = await createWoman(api.baseUrl, prt.token, { conditionalReleaseDate: daysFromToday(40) });
      expect(british.warnings.map((w) => w.code)).not.toContain('NI_NUMBER_TOO_LATE');
      const foreign = await createWoman(api.baseUrl, prt.token, {
        conditionalReleaseDate: daysFromToday(40),
        sensitiveFlags: ['FOREIGN_NATIONAL'],
      });
      const warning = foreign.warnings.find((w) => w.code === WomanWarningCode.NI_NUMBER_TOO_LATE);
      expect(warning?.message).toContain('the Department for Work and Pensions takes about 8 weeks');
    });

    it('closes the first-number task and records her number when DWP’s letter arrives', async () => {
      const woman = await createWoman(api.baseUrl, prt.token, { sensitiveFlags: ['FOREIGN_NATIONAL'] });
      await recordNeeds(prt.api, woman.id, ['FINANCE_AND_ID']);
      const [application] = ok(
        await prt.api.post<IdDocumentsView>(`/women/${woman.id}/id-documents`, {
          documentType: 'NEW_NATIONAL_INSURANCE_NUMBER',
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
      const detail = await detailOf(woman.id);
      expect(detail.hasNationalInsuranceNumber).toBe(true);
      expect(task(detail.tasks, 'NATIONAL_INSURANCE_NUMBER_NEW')?.status).toBe(TaskStatus.DONE);
      const trail = detail.auditTrail.filter((e) => e.entityType === 'WOMAN' && e.action === 'UPDATED');
      expect(trail.length).toBeGreaterThan(0);
    });
  });

  describe('point 7: eVisa instead of the BRP', () => {
    it('gives a foreign national the eVisa steps, 35 days before release', async () => {
      const woman = await createWoman(api.baseUrl, prt.token, { sensitiveFlags: ['FOREIGN_NATIONAL'] });
      await recordNeeds(prt.api, woman.id, ['FINANCE_AND_ID']);
      const evisa = task((await detailOf(woman.id)).tasks, 'EVISA_ACCESS');
      expect(evisa?.dueDate).toBe(daysBeforeRelease(woman.releaseDate as string, 35));
      expect(evisa?.description).toContain('UKVI account');
      expect(evisa?.description).toContain('share code');
      const british = await createWoman(api.baseUrl, prt.token);
      await recordNeeds(prt.api, british.id, ['FINANCE_AND_ID']);
      expect(task((await detailOf(british.id)).tasks, 'EVISA_ACCESS')).toBeUndefined();
    });

    it('refuses a new BRP application with 400 naming documentType and writes nothing', async () => {
      const woman = await createWoman(api.baseUrl, prt.token, { sensitiveFlags: ['FOREIGN_NATIONAL'] });
      const refused = await prt.api.post<FieldErrorBody>(`/women/${woman.id}/id-documents`, {
        documentType: 'BIOMETRIC_RESIDENCE_PERMIT',
      });
      expect(refused.status).toBe(400);
      expect(refused.body.fields.map((f) => f.field)).toEqual(['documentType']);
      expect(await count('id_document_applications', woman.id)).toBe(0);

      const applied = ok(
        await prt.api.post<IdDocumentsView>(`/women/${woman.id}/id-documents`, { documentType: 'EVISA_ACCESS' }),
        201,
      );
      expect(applied.documents.map((d) => d.documentType)).not.toContain('BIOMETRIC_RESIDENCE_PERMIT');
      expect(applied.documents.find((d) => d.documentType === 'EVISA_ACCESS')?.issuer).toBe('UK Visas and Immigration');
      expect(applied.applications.map((a) => a.documentType)).toEqual(['EVISA_ACCESS']);
    });

    it('keeps a BRP application made before 2025 readable', async () => {
      const woman = await createWoman(api.baseUrl, prt.token, { sensitiveFlags: ['FOREIGN_NATIONAL'] });
      await api.dataSource.query(
        `INSERT INTO id_document_applications
           (woman_id, document_type, status, applied_on, cost_pence, expected_by, created_by_id)
         VALUES ($1, 'BIOMETRIC_RESIDENCE_PERMIT', 'ACCEPTED', '2024-06-03', 1920, '2024-07-29', $2)`,
        [woman.id, prt.id],
      );
      const view = ok(await prt.api.get<IdDocumentsView>(`/women/${woman.id}/id-documents`));
      expect(view.applications.map((a) => [a.documentType, a.status, a.label])).toEqual([
        ['BIOMETRIC_RESIDENCE_PERMIT', 'ACCEPTED', 'Biometric residence permit (replacement)'],
      ]);
    });
  });

  describe('point 10: reception', () => {
    it('plans the assessments and the tenancy for a woman received today, with their due dates', async () => {
      const releaseDate = daysFromToday(150);
      const woman = await createWoman(api.baseUrl, prt.token, {
        sentenceStartDate: today(),
        receptionDate: today(),
        confirmedReleaseDate: releaseDate,
      });
      const tasks = (await detailOf(woman.id)).tasks;
      expect(task(tasks, 'IMMEDIATE_NEEDS_ASSESSMENT')?.dueDate).toBe(addWorkingDays(today(), 5));
      expect(task(tasks, 'PROTECT_TENANCY')?.dueDate).toBe(addWorkingDays(today(), 3));
      expect(task(tasks, 'PRE_RELEASE_ASSESSMENT')?.dueDate).toBe(daysBeforeRelease(woman.releaseDate as string, 84));
      // About 21 weeks away: beyond Housing Benefit's 13 weeks (reg.7(13)), within Universal Credit's 6 months
      // (reg.19(2),(3)), whose end the rule works out from her reception date.
      const cover = housingCostsInCustody({
        custodyStatus: CustodyStatus.SENTENCED,
        receptionDate: today(),
        releaseDate: woman.releaseDate,
      });
      expect(cover.housingBenefitEnds).toBeNull();
      expect(cover.universalCreditHousingEnds).not.toBeNull();
      const tenancy = task(tasks, 'PROTECT_TENANCY');
      expect(tenancy?.description).toContain('Housing Benefit stops now');
      expect(tenancy?.description).toContain(`until ${cover.universalCreditHousingEnds} (6 months)`);
      const created = (await detailOf(woman.id)).auditTrail.filter(
        (e) => e.entityType === 'TASK' && e.action === 'CREATED',
      );
      expect(created.length).toBeGreaterThanOrEqual(3);
    });

    it('gives a remand woman the tenancy task with 52 weeks of Housing Benefit', async () => {
      const woman = await createWoman(api.baseUrl, prt.token, {
        custodyStatus: 'REMANDED',
        sentenceStartDate: undefined,
        conditionalReleaseDate: undefined,
        releaseType: undefined,
        receptionDate: today(),
      });
      const tasks = (await detailOf(woman.id)).tasks;
      const tenancy = task(tasks, 'PROTECT_TENANCY');
      // Housing Benefit Regulations 2006 reg.7(16)(c)(i),(17): 52 weeks (364 days) from reception.
      expect(tenancy?.description).toContain(`until ${addCalendarDays(today(), 364)} (52 weeks from reception)`);
      expect(tenancy?.dueDate).toBe(addWorkingDays(today(), 3));
      expect(task(tasks, 'PRE_RELEASE_ASSESSMENT')?.dueDate).toBeNull();
    });

    it('closes the immediate needs task when her assessment is recorded', async () => {
      const woman = await createWoman(api.baseUrl, prt.token, { sentenceStartDate: today(), receptionDate: today() });
      expect(task((await detailOf(woman.id)).tasks, 'IMMEDIATE_NEEDS_ASSESSMENT')?.status).toBe(TaskStatus.TODO);
      await recordNeeds(prt.api, woman.id, ['HEALTH']);
      expect(task((await detailOf(woman.id)).tasks, 'IMMEDIATE_NEEDS_ASSESSMENT')?.status).toBe(TaskStatus.DONE);
    });

    it('plans nothing for a woman first entered long after her reception', async () => {
      const woman = await createWoman(api.baseUrl, prt.token); // received 200 days ago
      const keys = (await detailOf(woman.id)).tasks.map((t) => t.templateKey);
      expect(keys).not.toContain('PROTECT_TENANCY');
      expect(keys).not.toContain('IMMEDIATE_NEEDS_ASSESSMENT');
    });

    it('plans them again when she is recalled: a recall is a new reception', async () => {
      const woman = await createWoman(api.baseUrl, prt.token);
      ok(await prt.api.post(`/women/${woman.id}/release`, {}));
      const recalled = ok(
        await prtBronzefield.api.post<WomanView>('/recalls', {
          prisonNumber: woman.prisonNumber,
          lastName: woman.lastName,
          dateOfBirth: woman.dateOfBirth,
          prisonCode: 'BZI',
          movementReason: 'ETRLR',
          confirmedReleaseDate: daysFromToday(60),
        }),
      );
      expect(recalled.custodyStatus).toBe('RECALLED');
      const tasks = (await detailOf(woman.id, prtBronzefield)).tasks;
      expect(task(tasks, 'PROTECT_TENANCY')?.dueDate).toBe(addWorkingDays(today(), 3));
      expect(task(tasks, 'IMMEDIATE_NEEDS_ASSESSMENT')?.status).toBe(TaskStatus.TODO);
    });
  });

  describe('point 11: Wales', () => {
    it('gives a woman going to a Welsh area the national pathway referral, not the duty to refer', async () => {
      const welsh = await createWoman(api.baseUrl, prt.token, { releaseAreaCode: 'NORTH_WALES' });
      const english = await createWoman(api.baseUrl, prt.token, { releaseAreaCode: 'GREATER_MANCHESTER' });
      await recordNeeds(prt.api, welsh.id, ['ACCOMMODATION']);
      await recordNeeds(prt.api, english.id, ['ACCOMMODATION']);
      const welshTasks = (await detailOf(welsh.id)).tasks;
      const englishTasks = (await detailOf(english.id)).tasks;

      // Housing (Wales) Act 2014 s.55(4): threatened with homelessness within 56 days.
      const referral = task(welshTasks, 'WALES_HOMELESSNESS_PATHWAY_REFERRAL');
      expect(referral?.dueDate).toBe(daysBeforeRelease(welsh.releaseDate as string, 56));
      expect(referral?.description).toContain('Housing (Wales) Act 2014');
      expect(task(welshTasks, 'DUTY_TO_REFER')).toBeUndefined();
      expect(task(englishTasks, 'DUTY_TO_REFER')).toBeDefined();
      expect(task(englishTasks, 'WALES_HOMELESSNESS_PATHWAY_REFERRAL')).toBeUndefined();
    });
  });

  describe('when the facts that decide her tasks change', () => {
    it('swaps the duty to refer for the Welsh pathway referral when her release area moves to Wales, audited', async () => {
      const woman = await createWoman(api.baseUrl, prt.token, { releaseAreaCode: 'GREATER_MANCHESTER' });
      await recordNeeds(prt.api, woman.id, ['ACCOMMODATION']);
      const before = await detailOf(woman.id);
      expect(task(before.tasks, 'DUTY_TO_REFER')?.status).toBe(TaskStatus.TODO);
      ok(
        await prt.api.patch<WomanView>(`/women/${woman.id}`, {
          releaseAreaCode: 'SOUTH_WALES',
          version: before.version,
        }),
      );
      const after = await detailOf(woman.id);
      const dutyToRefer = task(after.tasks, 'DUTY_TO_REFER');
      expect(dutyToRefer?.status).toBe(TaskStatus.NOT_NEEDED);
      expect(task(after.tasks, 'WALES_HOMELESSNESS_PATHWAY_REFERRAL')?.dueDate).toBe(
        daysBeforeRelease(woman.releaseDate as string, 56),
      );
      const audited = after.auditTrail.filter((e) => e.entityType === 'TASK' && e.entityId === dutyToRefer?.id);
      expect(audited.map((e) => e.action)).toContain('STATUS_CHANGED');
    });

    it('closes the NI task once she is recorded as having her number, and plans the first-number route when she is a foreign national', async () => {
      const woman = await createWoman(api.baseUrl, prt.token);
      await recordNeeds(prt.api, woman.id, ['FINANCE_AND_ID']);
      const before = await detailOf(woman.id);
      expect(task(before.tasks, 'NATIONAL_INSURANCE_NUMBER_CONFIRM')?.status).toBe(TaskStatus.TODO);
      const flagged = ok(
        await prt.api.patch<WomanView>(`/women/${woman.id}`, {
          sensitiveFlags: ['FOREIGN_NATIONAL'],
          version: before.version,
        }),
      );
      const foreign = await detailOf(woman.id);
      expect(task(foreign.tasks, 'NATIONAL_INSURANCE_NUMBER_CONFIRM')?.status).toBe(TaskStatus.NOT_NEEDED);
      expect(task(foreign.tasks, 'NATIONAL_INSURANCE_NUMBER_NEW')?.status).toBe(TaskStatus.TODO);
      expect(task(foreign.tasks, 'EVISA_ACCESS')?.status).toBe(TaskStatus.TODO);
      ok(
        await prt.api.patch<WomanView>(`/women/${woman.id}`, {
          hasNationalInsuranceNumber: true,
          version: flagged.version,
        }),
      );
      const hasOne = await detailOf(woman.id);
      expect(task(hasOne.tasks, 'NATIONAL_INSURANCE_NUMBER_NEW')?.status).toBe(TaskStatus.NOT_NEEDED);
      expect(task(hasOne.tasks, 'EVISA_ACCESS')?.status).toBe(TaskStatus.TODO);
    });
  });
});
