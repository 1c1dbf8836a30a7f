/**
 * Issue 18 part 3, her printed release plan, through the API: the PDF for a woman with needs, a CRS referral,
 * release-day appointments, notes and risk information is read back as text (PDF.js) and checked for her needs,
 * who helps (by role and organisation), the appointments' times and places and the phone numbers; special category
 * details and staff names appear only when ticked in; notes and risk information never do; the Welsh plan is Welsh
 * with ŵ and ŷ read back as those letters; each print is one audit entry (who, when, language, what was ticked);
 * roles that may not print are refused, and so is bad input, with nothing written.
 */
import { Role } from '@app/domain';
import type { TaskView, WomanDetailView, WomanView } from '@app/contracts';
import { pdfText, postForPdf } from '../../setup/pdf-text';
import { TestApi, startTestApi } from '../../setup/test-app';
import {
  SignedInUser,
  createProvider,
  createReleaseArea,
  createSignedInUser,
  createWoman,
  insertReferral,
  recordNeeds,
} from '../../factories';

jest.setTimeout(120_000);

const NOTE = 'She told me about her ex partner at visits';
const PLAN_NOTE = 'Gate pick-up by her sister, not her mother';
const RISK = 'Risk to a former partner from threats';
const APPOINTMENT_NOTE = 'Bring the hostel form';
const PROVIDER_PHONE = '0808 157 0999';
const PROBATION_PHONE = '01632 960999';

describe('her release plan (issue 18 part 3)', () => {
  let api: TestApi;
  let prt: SignedInUser;
  let pom: SignedInUser;
  let com: SignedInUser;
  let crs: SignedInUser;
  let governor: SignedInUser;
  let prtElsewhere: SignedInUser;
  let woman: WomanView;
  let providerName: string;
  let probationAt: Date;

  beforeAll(async () => {
    api = await startTestApi();
    const provider = await createProvider(api.dataSource);
    providerName = provider.name;
    const area = await createReleaseArea(api.dataSource, provider.id);
    await api.dataSource.query('UPDATE providers SET phone = $2 WHERE id = $1', [provider.id, PROVIDER_PHONE]);
    await api.dataSource.query('UPDATE release_areas SET probation_phone = $2 WHERE code = $1', [
      area.code,
      PROBATION_PHONE,
    ]);
    const make = (role: Role, extra: { prisonCodes?: string[]; providerId?: string } = { prisonCodes: ['STI'] }) =>
      createSignedInUser(api.dataSource, api.baseUrl, { role, ...extra });
    [prt, pom, com, crs, governor, prtElsewhere] = await Promise.all([
      make(Role.PRE_RELEASE_TEAM),
      make(Role.POM),
      make(Role.COM, {}),
      make(Role.CRS_CASEWORKER, { providerId: provider.id }),
      make(Role.GOVERNOR),
      make(Role.PRE_RELEASE_TEAM, { prisonCodes: ['AGI'] }),
    ]);
    woman = await createWoman(api.baseUrl, prt.token, {
      releaseAreaCode: area.code,
      keyworkerName: 'Kim Keyworker',
      sensitiveFlags: ['DOMESTIC_ABUSE'],
    });
    await api.dataSource.query('UPDATE women SET com_id = $2, pom_id = $3 WHERE id = $1', [woman.id, com.id, pom.id]);
    await recordNeeds(prt.api, woman.id, ['ACCOMMODATION', 'FINANCE_AND_ID', 'DOMESTIC_ABUSE']);

    const referralId = await insertReferral(api.dataSource, {
      womanId: woman.id,
      providerId: provider.id,
      releaseAreaCode: area.code,
      referrerRole: 'COM',
      needIdentifiedAt: new Date(Date.now() - 86_400_000),
      status: 'ASSIGNED',
      log: [
        { to: 'SENT', at: new Date(Date.now() - 80_000_000) },
        { to: 'ASSIGNED', at: new Date(Date.now() - 70_000_000) },
      ],
      pathways: ['ACCOMMODATION', 'DOMESTIC_ABUSE'],
    });
    await api.dataSource.query('UPDATE referrals SET risk_information = $2 WHERE id = $1', [
      referralId,
      JSON.stringify({ roshLevel: 'HIGH', riskSummary: RISK }),
    ]);

    const detail = (await prt.api.get<WomanDetailView>(`/women/${woman.id}`)).body;
    const task = detail.tasks.find((t: TaskView) => t.ownerRole === Role.PRE_RELEASE_TEAM) as TaskView;
    expect((await prt.api.post(`/tasks/${task.id}/notes`, { body: NOTE })).status).toBe(201);
    expect(
      (
        await prt.api.put(`/women/${woman.id}/release-day`, {
          notes: PLAN_NOTE,
          checklist: { mobilePhone: 'ARRANGED', gatePickUp: 'NEEDED', medicationSupply: 'ARRANGED' },
        })
      ).status,
    ).toBe(200);
    const releaseDate = detail.releaseDate as string;
    probationAt = new Date(`${releaseDate}T10:30:00Z`);
    for (const appointment of [
      {
        kind: 'PROBATION',
        startsAt: probationAt.toISOString(),
        place: 'Civic Centre Probation Office',
        town: 'Manchester',
      },
      {
        kind: 'GP_OR_PHARMACY',
        startsAt: `${releaseDate}T13:00:00Z`,
        place: 'Ardwick Health Centre',
        town: 'Manchester',
      },
    ]) {
      const added = await prt.api.post(`/women/${woman.id}/release-day/appointments`, {
        ...appointment,
        durationMinutes: 60,
        notes: APPOINTMENT_NOTE,
      });
      expect(added.status).toBe(201);
    }
  });

  afterAll(async () => {
    await api?.close();
  });

  async function prints(): Promise<{ actor_id: string; actor_role: string; after: Record<string, unknown> }[]> {
    return api.dataSource.query(
      `SELECT actor_id, actor_role, after, at FROM audit_events
        WHERE woman_id = $1 AND entity_type = 'RELEASE_PLAN' AND action = 'PRINTED' ORDER BY at, id`,
      [woman.id],
    );
  }

  async function print(user: SignedInUser, body: unknown) {
    return postForPdf(api.baseUrl, user.token, `/women/${woman.id}/release-plan`, body);
  }

  it('prints her plan in English: needs, who helps by role and organisation, appointments, phone numbers', async () => {
    const answer = await print(prt, { language: 'en' });
    expect(answer.status).toBe(200);
    expect(answer.contentType).toBe('application/pdf');
    expect(answer.disposition).toContain(`${woman.prisonNumber}-release-plan.pdf`);
    const { text } = await pdfText(answer.pdf);
    const expectedTime = new Intl.DateTimeFormat('en-GB', {
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'Europe/London',
    }).format(probationAt);
    for (const shown of [
      'Your release plan',
      `${woman.firstName} ${woman.lastName}`,
      'A place to live',
      'Money, bank account and ID',
      'The pre-release team at HMP Styal',
      `A support worker from ${providerName}`,
      `${expectedTime}: Meet your probation officer`,
      'Civic Centre Probation Office, Manchester',
      'A mobile phone: done',
      'Someone to meet you at the gate: still to sort out',
      'Your licence',
      PROBATION_PHONE,
      PROVIDER_PHONE,
      '0800 328 5644',
    ]) {
      expect({ shown, found: text.includes(shown) }).toEqual({ shown, found: true });
    }
    for (const hidden of [
      'Staying safe from abuse',
      'Domestic Abuse Helpline',
      'Ardwick Health Centre',
      'Your medicine',
      NOTE,
      PLAN_NOTE,
      RISK,
      APPOINTMENT_NOTE,
      com.displayName,
      pom.displayName,
      'Kim Keyworker',
    ]) {
      expect({ hidden, found: text.includes(hidden) }).toEqual({ hidden, found: false });
    }
  });

  it('adds special category details and staff names only when ticked in, and never notes or risk', async () => {
    const answer = await print(prt, { language: 'en', include: { staffNames: true, specialCategory: true } });
    expect(answer.status).toBe(200);
    const { text } = await pdfText(answer.pdf);
    for (const shown of [
      'Staying safe from abuse',
      'National Domestic Abuse Helpline',
      'Ardwick Health Centre',
      'Your medicine: done',
      com.displayName,
      'Kim Keyworker',
    ]) {
      expect({ shown, found: text.includes(shown) }).toEqual({ shown, found: true });
    }
    for (const hidden of [NOTE, PLAN_NOTE, RISK, APPOINTMENT_NOTE]) {
      expect({ hidden, found: text.includes(hidden) }).toEqual({ hidden, found: false });
    }
  });

  it('prints it in Welsh, and ŵ, ŷ and â read back as those letters', async () => {
    const answer = await print(pom, { language: 'cy' });
    expect(answer.status).toBe(200);
    expect(answer.disposition).toContain('cynllun-rhyddhau.pdf');
    const { text } = await pdfText(answer.pdf);
    for (const shown of [
      'Eich cynllun rhyddhau',
      'Lle i fyw: tŷ neu lety',
      'Gŵyl y Banc',
      'â phethau',
      'Rhifau ffôn',
    ]) {
      expect({ shown, found: text.includes(shown) }).toEqual({ shown, found: true });
    }
    expect(text).toContain('0800 328 1744');
    expect(text).not.toContain('Your release plan');
  });

  it('writes one audit entry per print: who, when, the language and what was ticked in', async () => {
    const entries = await prints();
    expect(entries.map((e) => [e.actor_id, e.actor_role, e.after.language, e.after.include])).toEqual([
      [prt.id, 'PRE_RELEASE_TEAM', 'en', { staffNames: false, specialCategory: false }],
      [prt.id, 'PRE_RELEASE_TEAM', 'en', { staffNames: true, specialCategory: true }],
      [pom.id, 'POM', 'cy', { staffNames: false, specialCategory: false }],
    ]);
    for (const entry of entries) expect(entry.after).toMatchObject({ format: 'PDF', pages: expect.any(Number) });
    expect(entries.every((e) => (e.after.pages as number) >= 2)).toBe(true);
    // Her audit trail shows the prints to her case holders, not to a CRS caseworker.
    const seenByCom = (await com.api.get<WomanDetailView>(`/women/${woman.id}`)).body.auditTrail;
    expect(seenByCom.filter((e) => e.entityType === 'RELEASE_PLAN')).toHaveLength(3);
    const seenByCrs = await crs.api.get<WomanDetailView>(`/women/${woman.id}`);
    if (seenByCrs.status === 200) {
      expect(seenByCrs.body.auditTrail.filter((e) => e.entityType === 'RELEASE_PLAN')).toEqual([]);
    }
  });

  it('refuses roles that may not print it, and another prison’s team, writing nothing', async () => {
    const before = (await prints()).length;
    for (const user of [com, crs, governor]) {
      const answer = await print(user, { language: 'en' });
      expect({ role: user.role, status: answer.status }).toEqual({ role: user.role, status: 403 });
      expect(answer.error?.message).toMatch(/printed by the prison/);
    }
    expect((await print(prtElsewhere, { language: 'en' })).status).toBe(404);
    expect((await prints()).length).toBe(before);
  });

  it('refuses bad input with a 400 naming the field, writing nothing', async () => {
    const before = (await prints()).length;
    for (const [body, field] of [
      [{}, 'language'],
      [{ language: 'fr' }, 'language'],
      [{ language: 'en', include: { staffNames: 'yes' } }, 'include.staffNames'],
      [{ language: 'en', include: { specialCategory: 1 } }, 'include.specialCategory'],
      [{ language: 'en', include: [] }, 'include'],
    ] as const) {
      const answer = await print(prt, body);
      expect({ body, status: answer.status }).toEqual({ body, status: 400 });
      expect(JSON.stringify(answer.error)).toContain(field);
    }
    expect((await prints()).length).toBe(before);
  });
});
