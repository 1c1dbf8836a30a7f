import { AlertKind } from './alerts';
import { AUDIT_ACTIONS, AuditActionOf } from './audit-actions';
import { IdApplicationStatus } from './id-documents';
import { ReferralAction } from './referrals';
import { AUDIT_ENTITY_KINDS } from './visibility-policy';

// Checked by `npm run typecheck`, not by Jest: the directive fails the typecheck if the misspelt name is accepted.
// @ts-expect-error: 'CLAIMD' is not an action recorded against a task.
export const MISSPELT_TASK_ACTION: AuditActionOf<'TASK'> = 'CLAIMD';

describe('audit action names', () => {
  it('lists every referral action, since a referral moved a stage is audited under the action applied', () => {
    expect(AUDIT_ACTIONS.REFERRAL).toEqual(expect.arrayContaining(Object.values(ReferralAction)));
  });

  it('lists every ID document status an outcome can set, since the outcome is audited under its own name', () => {
    expect(AUDIT_ACTIONS.ID_DOCUMENT).toEqual(expect.arrayContaining(Object.values(IdApplicationStatus)));
  });

  it('lists an ALERT_ action for every alert kind the deadline engine raises', () => {
    expect(AUDIT_ACTIONS.TASK).toEqual(expect.arrayContaining(Object.values(AlertKind).map((kind) => `ALERT_${kind}`)));
  });

  it('has an action list for every entity type the visibility policy reads from a woman’s trail', () => {
    expect(Object.keys(AUDIT_ACTIONS)).toEqual(expect.arrayContaining(Object.keys(AUDIT_ENTITY_KINDS)));
  });

  it('names each action once per entity type', () => {
    for (const actions of Object.values(AUDIT_ACTIONS)) expect(new Set(actions).size).toBe(actions.length);
  });
});
