/**
 * A view's allowedActions are what the API then does: for every user of a set (each role, colleagues and another
 * provider's caseworker) and every task and referral she can see, in every holding and status an action needs,
 * each action of the vocabulary is tried through the API. A listed action is accepted; an unlisted one is refused
 * with 403. Each attempt gets a fresh task or referral in the state the action needs (a claim needs an unclaimed
 * task, a release a held one, each referral step the status it starts from), so a refusal can only be about who
 * she is, never a 409 about the state.
 *
 * The requests come from one table (REQUESTS), one row per action of the vocabulary; the vocabulary's type makes
 * a new task, referral or release-day plan action fail to compile here until the suite knows how to take it.
 */
import {
  PLAN_ACTIONS,
  REFERRAL_ACTIONS,
  TASK_ACTIONS,
  type PlanAction,
  type ReferralActionName,
  type TaskAction,
} from '@app/contracts';
import { Role } from '@app/domain';
import { ApiClient, ApiResponse } from '../../setup/api-client';
import { TestApi, startTestApi } from '../../setup/test-app';
import {
  SignedInUser,
  createProvider,
  createReleaseArea,
  createSignedInUser,
  daysFromToday,
  insertReferral,
  insertTask,
  insertWoman,
} from '../../factories';

jest.setTimeout(300_000);

interface Subject {
  id: string;
  version: number;
}

interface Attempt {
  method: 'POST' | 'PATCH' | 'PUT';
  path: string;
  body: Record<string, unknown>;
}

type Action = TaskAction | ReferralActionName | PlanAction;

const OUTCOME = { pathway: 'ACCOMMODATION', desiredOutcome: 'Outcome 1', outcome: 'ACHIEVED' };

/** How each action is taken through the API: the one table the suite generates its requests from. */
const REQUESTS: Record<Action, (s: Subject) => Attempt> = {
  'task.claim': (s) => ({ method: 'POST', path: `/tasks/${s.id}/claim`, body: {} }),
  'task.release': (s) => ({ method: 'POST', path: `/tasks/${s.id}/release`, body: {} }),
  'task.update-status': (s) => ({
    method: 'PATCH',
    path: `/tasks/${s.id}/status`,
    body: { status: 'IN_PROGRESS', version: s.version },
  }),
  'task.add-note': (s) => ({ method: 'POST', path: `/tasks/${s.id}/notes`, body: { body: 'Rang the council' } }),
  'referral.edit': (s) => ({
    method: 'PATCH',
    path: `/referrals/${s.id}`,
    body: { version: s.version, additionalInformation: 'Prefers morning calls' },
  }),
  'referral.send': (s) => ({ method: 'POST', path: `/referrals/${s.id}/send`, body: { version: s.version } }),
  'referral.assign': (s) => ({ method: 'POST', path: `/referrals/${s.id}/claim`, body: { version: s.version } }),
  'referral.book-assessment': (s) => ({
    method: 'POST',
    path: `/referrals/${s.id}/book-assessment`,
    body: { version: s.version, assessmentAt: `${daysFromToday(3)}T10:00:00Z` },
  }),
  'referral.submit-action-plan': (s) => ({
    method: 'POST',
    path: `/referrals/${s.id}/action-plan`,
    body: { version: s.version, actionPlan: 'Weekly sessions on tenancy skills' },
  }),
  'referral.approve-action-plan': (s) => ({
    method: 'POST',
    path: `/referrals/${s.id}/approve-action-plan`,
    body: { version: s.version },
  }),
  'referral.start-delivery': (s) => ({
    method: 'POST',
    path: `/referrals/${s.id}/start-delivery`,
    body: { version: s.version },
  }),
  'referral.end': (s) => ({
    method: 'POST',
    path: `/referrals/${s.id}/end`,
    body: { version: s.version, summary: 'Housed and supported to settle', outcomes: [OUTCOME] },
  }),
  'referral.withdraw': (s) => ({
    method: 'POST',
    path: `/referrals/${s.id}/withdraw`,
    body: { version: s.version, reasonCode: 'MOV', reason: 'She has moved area' },
  }),
  'referral.return': (s) => ({
    method: 'POST',
    path: `/referrals/${s.id}/return`,
    body: { version: s.version, reasonCode: 'DETAILS_MISSING', reason: 'Missing her address history' },
  }),
  // Her release-day plan (the subject's id is hers; no version, so each change is a last-writer save) and her
  // printed release plan.
  'release-day.plan': (s) => ({
    method: 'PUT',
    path: `/women/${s.id}/release-day`,
    body: { checklist: { mobilePhone: 'ARRANGED' } },
  }),
  'release-plan.print': (s) => ({ method: 'POST', path: `/women/${s.id}/release-plan`, body: { language: 'en' } }),
};

/** The status each referral step starts from, so the step itself is possible. */
const REFERRAL_STATUS_FOR: Record<ReferralActionName, string> = {
  'referral.edit': 'DRAFT',
  'referral.send': 'DRAFT',
  'referral.withdraw': 'SENT',
  'referral.assign': 'SENT',
  'referral.return': 'SENT',
  'referral.book-assessment': 'ASSIGNED',
  'referral.submit-action-plan': 'ASSESSMENT_BOOKED',
  'referral.approve-action-plan': 'ACTION_PLAN_SUBMITTED',
  'referral.start-delivery': 'ACTION_PLAN_APPROVED',
  'referral.end': 'IN_DELIVERY',
};

type Holding = 'unclaimed' | 'held by a colleague' | 'held by her';

function send(api: ApiClient, attempt: Attempt): Promise<ApiResponse<unknown>> {
  if (attempt.method === 'PUT') return api.put(attempt.path, attempt.body);
  return attempt.method === 'POST' ? api.post(attempt.path, attempt.body) : api.patch(attempt.path, attempt.body);
}

describe('allowedActions match what the API accepts and refuses', () => {
  let api: TestApi;
  let providerId: string;
  let areaCode: string;
  let womanId: string;
  const users: Record<string, SignedInUser> = {};

  beforeAll(async () => {
    api = await startTestApi();
    providerId = (await createProvider(api.dataSource)).id;
    areaCode = (await createReleaseArea(api.dataSource, providerId)).code;
    const otherProviderId = (await createProvider(api.dataSource)).id;
    const make = (role: Role, extra: { prisonCodes?: string[]; providerId?: string } = {}) =>
      createSignedInUser(api.dataSource, api.baseUrl, { role, ...extra });
    const signingIn: Record<string, Promise<SignedInUser>> = {
      prt: make(Role.PRE_RELEASE_TEAM, { prisonCodes: ['STI'] }),
      prtColleague: make(Role.PRE_RELEASE_TEAM, { prisonCodes: ['STI'] }),
      pom: make(Role.POM, { prisonCodes: ['STI'] }),
      pomColleague: make(Role.POM, { prisonCodes: ['STI'] }),
      com: make(Role.COM),
      comColleague: make(Role.COM),
      caseworker: make(Role.CRS_CASEWORKER, { providerId }),
      cwColleague: make(Role.CRS_CASEWORKER, { providerId }),
      otherCaseworker: make(Role.CRS_CASEWORKER, { providerId: otherProviderId }),
      governor: make(Role.GOVERNOR, { prisonCodes: ['STI'] }),
      admin: make(Role.ADMIN),
    };
    for (const [name, signedIn] of Object.entries(signingIn)) users[name] = await signedIn;
    womanId = await insertWoman(api.dataSource, {
      prisonCode: 'STI',
      releaseAreaCode: areaCode,
      releaseDate: daysFromToday(60),
    });
    await api.dataSource.query('UPDATE women SET com_id = $2 WHERE id = $1', [womanId, users.com.id]);
  });

  afterAll(async () => {
    await api?.close();
  });

  /** A colleague of the task's owner role, to hold it: for a CRS task, a caseworker of the provider. */
  function colleagueFor(ownerRole: Role, reader: SignedInUser): SignedInUser {
    const ofTheProvider = [users.caseworker, users.cwColleague];
    const colleague = Object.values(users).find(
      (u) =>
        u.role === ownerRole && u.id !== reader.id && (ownerRole !== Role.CRS_CASEWORKER || ofTheProvider.includes(u)),
    );
    if (!colleague) throw new Error(`no colleague of ${ownerRole} for ${reader.role}`);
    return colleague;
  }

  async function freshTask(ownerRole: Role, holding: Holding, reader: SignedInUser): Promise<string> {
    const id = await insertTask(api.dataSource, {
      womanId,
      ownerRole,
      pathway: 'ACCOMMODATION',
      dueDate: daysFromToday(30),
    });
    if (holding !== 'unclaimed') {
      const holder = holding === 'held by her' ? reader : colleagueFor(ownerRole, reader);
      const holderProvider = ownerRole === Role.CRS_CASEWORKER ? providerId : null;
      await api.dataSource.query(
        'UPDATE tasks SET assignee_id = $2, claimed_at = now(), claimed_by_provider_id = $3 WHERE id = $1',
        [id, holder.id, holderProvider],
      );
    }
    return id;
  }

  async function freshReferral(status: string, caseworkerId: string | null): Promise<string> {
    const at = new Date(Date.now() - 86_400_000);
    const id = await insertReferral(api.dataSource, {
      womanId,
      providerId,
      releaseAreaCode: areaCode,
      referrerRole: 'COM',
      needIdentifiedAt: at,
      status,
      log: status === 'DRAFT' ? [] : [{ to: status, at }],
    });
    await api.dataSource.query(
      `UPDATE referrals SET risk_information = $2, caseworker_id = $3, created_by_id = $4 WHERE id = $1`,
      [
        id,
        JSON.stringify({ roshLevel: 'MEDIUM', riskSummary: 'Risk to a former partner' }),
        caseworkerId,
        users.com.id,
      ],
    );
    return id;
  }

  /** Reads the subject as the user sees it; null when she cannot see it (scope is the visibility policy's). */
  async function readAs(
    user: SignedInUser,
    path: string,
  ): Promise<{ id: string; version: number; allowedActions: string[] } | null> {
    const response = await user.api.get<{ id: string; version: number; allowedActions: string[] }>(path);
    if (response.status === 404) return null;
    expect(response.status).toBe(200);
    return response.body;
  }

  interface Outcome {
    who: string;
    subject: string;
    action: Action;
    listed: boolean;
    status: number;
  }

  function verdict(outcomes: Outcome[]): { wrong: Outcome[]; accepted: number; refused: number } {
    const wrong = outcomes.filter((o) => (o.listed ? o.status < 200 || o.status >= 300 : o.status !== 403));
    return {
      wrong,
      accepted: outcomes.filter((o) => o.listed).length,
      refused: outcomes.filter((o) => !o.listed).length,
    };
  }

  it('accepts every task action a task view lists, and refuses every other with 403', async () => {
    const outcomes: Outcome[] = [];
    const ownerRoles = [Role.PRE_RELEASE_TEAM, Role.POM, Role.COM, Role.CRS_CASEWORKER];
    for (const [who, user] of Object.entries(users)) {
      for (const ownerRole of ownerRoles) {
        const holdings: Holding[] = ['unclaimed', 'held by a colleague'];
        if (user.role === ownerRole) holdings.push('held by her');
        for (const holding of holdings) {
          for (const action of TASK_ACTIONS) {
            // The state each action needs: a claim an unclaimed task, a release a held one.
            if (action === 'task.claim' && holding !== 'unclaimed') continue;
            if (action === 'task.release' && holding === 'unclaimed') continue;
            const id = await freshTask(ownerRole, holding, user);
            const view = await readAs(user, `/tasks/${id}`);
            if (!view) continue;
            const response = await send(user.api, REQUESTS[action](view));
            outcomes.push({
              who,
              subject: `${ownerRole} task ${holding}`,
              action,
              listed: view.allowedActions.includes(action),
              status: response.status,
            });
          }
        }
      }
    }
    const { wrong, accepted, refused } = verdict(outcomes);
    expect(wrong).toEqual([]);
    // The set covers both answers for every task action, so neither half of the oracle is empty.
    for (const action of TASK_ACTIONS) {
      expect(outcomes.filter((o) => o.action === action && o.listed).length).toBeGreaterThan(0);
      expect(outcomes.filter((o) => o.action === action && !o.listed).length).toBeGreaterThan(0);
    }
    expect(accepted + refused).toBe(outcomes.length);
  });

  it('accepts every referral step a referral view lists, and refuses every other with 403', async () => {
    const outcomes: Outcome[] = [];
    for (const [who, user] of Object.entries(users)) {
      for (const action of REFERRAL_ACTIONS) {
        const status = REFERRAL_STATUS_FOR[action];
        // The provider's steps after taking it belong to the assigned caseworker.
        const assigned = ['DRAFT', 'SENT'].includes(status) ? null : users.caseworker.id;
        const id = await freshReferral(status, assigned);
        const view = await readAs(user, `/referrals/${id}`);
        if (!view) continue;
        const response = await send(user.api, REQUESTS[action](view));
        outcomes.push({
          who,
          subject: `referral ${status}`,
          action,
          listed: view.allowedActions.includes(action),
          status: response.status,
        });
      }
    }
    const { wrong } = verdict(outcomes);
    expect(wrong).toEqual([]);
    for (const action of REFERRAL_ACTIONS) {
      expect(outcomes.filter((o) => o.action === action && o.listed).length).toBeGreaterThan(0);
      expect(outcomes.filter((o) => o.action === action && !o.listed).length).toBeGreaterThan(0);
    }
  });
  it('accepts every action her release-day plan view lists (plan it, print her release plan), and refuses every other with 403', async () => {
    const outcomes: Outcome[] = [];
    for (const [who, user] of Object.entries(users)) {
      const view = await user.api.get<{ womanId: string; allowedActions: string[] }>(`/women/${womanId}/release-day`);
      if (view.status === 404) continue;
      expect(view.status).toBe(200);
      for (const action of PLAN_ACTIONS) {
        const response = await send(user.api, REQUESTS[action]({ id: womanId, version: 0 }));
        outcomes.push({
          who,
          subject: 'her release-day plan',
          action,
          listed: view.body.allowedActions.includes(action),
          status: response.status,
        });
      }
    }
    const { wrong } = verdict(outcomes);
    expect(wrong).toEqual([]);
    for (const action of PLAN_ACTIONS) {
      expect(outcomes.filter((o) => o.action === action && o.listed).length).toBeGreaterThan(0);
      expect(outcomes.filter((o) => o.action === action && !o.listed).length).toBeGreaterThan(0);
    }
  });
});
