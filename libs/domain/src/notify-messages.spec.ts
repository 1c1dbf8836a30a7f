import { AlertKind } from './alerts';
import {
  sessionConcernDedupeKey,
  sessionConcernPersonalisation,
  alertPersonalisation,
  classifyNotifyFailure,
  digestPersonalisation,
  NEUTRAL_TASK_LABEL,
  normaliseUkMobile,
  withLink,
} from './notify-messages';
import { Pathway } from './pathways';
import { SENSITIVE_PATHWAYS } from './visibility-policy';

const LINK = 'https://resettle.example.gov.uk/';

/** Words that would tell a reader the support is about special category matters. */
const SPECIAL_CATEGORY_WORDS = /domestic|abuse|sex|health|mental|refuge|drug|alcohol|sensitive/i;

describe('alertPersonalisation', () => {
  it('names a task on a special category pathway by the neutral label, never its title or pathway', () => {
    for (const pathway of SENSITIVE_PATHWAYS) {
      for (const kind of Object.values(AlertKind)) {
        const facts = { taskTitle: 'Refer to the domestic abuse and sexual health service', pathway, kind };
        const personalisation = withLink(alertPersonalisation(facts), LINK);
        expect(personalisation.task).toBe(NEUTRAL_TASK_LABEL);
        const text = Object.values(personalisation).join(' ');
        expect(text).not.toMatch(SPECIAL_CATEGORY_WORDS);
        expect(text).not.toContain(pathway);
      }
    }
  });

  it('names any other task by its title, with what happened and the link, and nothing else', () => {
    const personalisation = withLink(
      alertPersonalisation({
        taskTitle: 'Apply for a bank account',
        pathway: Pathway.FINANCE_AND_ID,
        kind: AlertKind.ESCALATED,
      }),
      LINK,
    );
    expect(personalisation).toEqual({ task: 'Apply for a bank account', alert: 'escalated to you', link: LINK });
  });

  it('holds strings only, as Notify personalisation requires', () => {
    const personalisation = withLink(digestPersonalisation({ date: '2026-12-01', overdue: 3, atRisk: 0 }), LINK);
    expect(personalisation).toEqual({ date: '2026-12-01', overdue: '3', at_risk: '0', link: LINK });
  });
});

describe('sessionConcernPersonalisation', () => {
  it('holds the referral reference and the session number, and a dedupe key per session and COM', () => {
    expect(sessionConcernPersonalisation({ referralReference: 'AB1234WOS', sessionNumber: 3 })).toEqual({
      referral: 'AB1234WOS',
      session: '3',
    });
    expect(sessionConcernDedupeKey('s-1', 'com-1')).toBe('concern:s-1:com-1');
  });
});

describe('classifyNotifyFailure', () => {
  it('retries rate limiting, server errors and no answer at all', () => {
    expect([429, 500, 502, 503, null].map(classifyNotifyFailure)).toEqual([
      'retry',
      'retry',
      'retry',
      'retry',
      'retry',
    ]);
  });

  it('gives up on a bad request or a refused key', () => {
    expect([400, 401, 403, 404].map(classifyNotifyFailure)).toEqual(['fail', 'fail', 'fail', 'fail']);
  });
});

describe('normaliseUkMobile', () => {
  it('accepts the forms people write a UK mobile number in', () => {
    expect(normaliseUkMobile('07700 900123')).toBe('+447700900123');
    expect(normaliseUkMobile('+44 7700 900123')).toBe('+447700900123');
    expect(normaliseUkMobile('0044(7700)900-123')).toBe('+447700900123');
  });

  it('refuses landlines, pagers, short numbers and other countries', () => {
    for (const input of ['020 7946 0000', '07600 900123', '0770090012', '+33 6 12 34 56 78', 'seven']) {
      expect(normaliseUkMobile(input)).toBeNull();
    }
  });
});
