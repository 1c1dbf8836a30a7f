/**
 * A CRS referral's coded withdrawal and return (a code chosen from the list, with free text), her needs and
 * requirements as the provider works with them (editable by the referrer while the referral is hers to edit), and
 * the moves it followed her through. What the user may do comes from the referral's server-computed allowedActions.
 */
import { FormEvent, useState } from 'react';
import {
  ReasonCodeEntry,
  reasonCodeLabel,
  ReferralNeedsAndRequirements,
  ReferralStatus,
  ReferralView,
  RETURN_REASONS,
  WITHDRAWAL_REASON_GROUP_LABELS,
  WITHDRAWAL_REASONS,
  WithdrawalReasonGroup,
} from '@app/contracts';
import { api } from '../api';
import { labelOf } from '../format';
import { t } from '../i18n';

type Act = (label: string, call: () => Promise<unknown>, success?: string) => Promise<boolean>;

interface ReasonFormProps {
  referral: ReferralView;
  act: Act;
  kind: 'withdraw' | 'return';
}

const FORM_WORDS = {
  withdraw: { summary: 'referral.withdraw', button: 'referral.withdrawButton', done: 'referral.withdrawn' },
  return: { summary: 'referral.return', button: 'referral.returnButton', done: 'referral.returned' },
} as const;

/** A reason code's words in the reader's language (the codes are CRS's; the English labels are in contracts). */
function reasonLabel(code: string | null): string {
  return code === null ? '' : labelOf('reasonCode', code, reasonCodeLabel(code) ?? code);
}

function ReasonOptions({ kind }: { kind: 'withdraw' | 'return' }) {
  if (kind === 'return') {
    return (
      <>
        {RETURN_REASONS.map((r) => (
          <option key={r.code} value={r.code}>
            {reasonLabel(r.code)}
          </option>
        ))}
      </>
    );
  }
  const groups = Object.values(WithdrawalReasonGroup);
  return (
    <>
      {groups.map((group) => (
        <optgroup key={group} label={labelOf('reasonGroup', group, WITHDRAWAL_REASON_GROUP_LABELS[group])}>
          {WITHDRAWAL_REASONS.filter((r) => r.group === group).map((r) => (
            <option key={r.code} value={r.code}>
              {reasonLabel(r.code)} ({r.code})
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}

/** Withdraw or return with a code from the list; the free text is required only for the "other" codes. */
export function ReferralReasonForm({ referral, act, kind }: ReasonFormProps) {
  const [open, setOpen] = useState(false);
  const [reasonCode, setReasonCode] = useState('');
  const [reason, setReason] = useState('');
  const list: readonly ReasonCodeEntry<string>[] = kind === 'withdraw' ? WITHDRAWAL_REASONS : RETURN_REASONS;
  const needsText = list.find((r) => r.code === reasonCode)?.freeTextRequired ?? false;
  const ready = reasonCode !== '' && (!needsText || reason.trim().length >= 3);
  const words = FORM_WORDS[kind];
  const id = `${kind}-${referral.id}`;
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!ready) return;
    const body = { reasonCode, ...(reason.trim() ? { reason: reason.trim() } : {}), version: referral.version };
    await act(referral.reference, () => api('POST', `/referrals/${referral.id}/${kind}`, body), t(words.done));
  }
  return (
    <details className="note-form" data-form={kind} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {t(words.summary)}
        <span className="visually-hidden"> {referral.reference}</span>
      </summary>
      {/* The form is drawn only when opened: a closed list of codes is nothing to read or search. */}
      {open && (
        <form onSubmit={(event) => void submit(event)}>
          <label htmlFor={`${id}-code`}>{t('referral.reason')}</label>
          <select id={`${id}-code`} value={reasonCode} onChange={(e) => setReasonCode(e.target.value)}>
            <option value="">{t('referral.chooseReason')}</option>
            <ReasonOptions kind={kind} />
          </select>
          <label htmlFor={`${id}-text`}>
            {needsText ? t('referral.whatHappenedRequired') : t('referral.whatHappenedOptional')}
          </label>
          <textarea id={`${id}-text`} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
          <button type="submit" className="button-small" disabled={!ready}>
            {t(words.button)}
          </button>
        </form>
      )}
    </details>
  );
}

function needsLines(needs: ReferralNeedsAndRequirements): string[] {
  const lines: string[] = [];
  if (needs.accessibilityNeeds) lines.push(t('needs.accessibility', { text: needs.accessibilityNeeds }));
  if (needs.needsInterpreter) {
    lines.push(t('needs.interpreter', { language: needs.interpreterLanguage ?? t('needs.yes') }));
  }
  if (needs.needsInterpreter === false) lines.push(t('needs.noInterpreter'));
  if (needs.hasAdditionalResponsibilities) {
    lines.push(t('needs.responsibilities', { when: needs.whenUnavailable ?? t('needs.notSaid') }));
  }
  if (needs.additionalNeedsInformation) lines.push(t('needs.also', { text: needs.additionalNeedsInformation }));
  return lines;
}

/** The referrer edits her needs while the referral is a draft or returned (the server's referral.edit). */
function NeedsForm({ referral, act }: { referral: ReferralView; act: Act }) {
  const current = referral.needsAndRequirements ?? {};
  const [accessibilityNeeds, setAccessibility] = useState(current.accessibilityNeeds ?? '');
  const [interpreterLanguage, setLanguage] = useState(current.interpreterLanguage ?? '');
  const [whenUnavailable, setUnavailable] = useState(current.whenUnavailable ?? '');
  const [open, setOpen] = useState(false);
  const id = `needs-${referral.id}`;
  async function submit(event: FormEvent) {
    event.preventDefault();
    const needsAndRequirements = {
      accessibilityNeeds: accessibilityNeeds.trim() || null,
      needsInterpreter: interpreterLanguage.trim() !== '',
      interpreterLanguage: interpreterLanguage.trim() || null,
      hasAdditionalResponsibilities: whenUnavailable.trim() !== '',
      whenUnavailable: whenUnavailable.trim() || null,
    };
    await act(
      t('needs.label', { reference: referral.reference }),
      () => api('PATCH', `/referrals/${referral.id}`, { needsAndRequirements, version: referral.version }),
      t('action.saved'),
    );
  }
  return (
    <details className="note-form" data-form="needs" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {t('needs.edit')}
        <span className="visually-hidden"> {referral.reference}</span>
      </summary>
      {open && (
        <form onSubmit={(event) => void submit(event)}>
          <label htmlFor={`${id}-access`}>{t('needs.accessibilityLabel')}</label>
          <textarea
            id={`${id}-access`}
            rows={2}
            value={accessibilityNeeds}
            onChange={(e) => setAccessibility(e.target.value)}
          />
          <label htmlFor={`${id}-language`}>{t('needs.languageLabel')}</label>
          <input id={`${id}-language`} value={interpreterLanguage} onChange={(e) => setLanguage(e.target.value)} />
          <label htmlFor={`${id}-unavailable`}>{t('needs.unavailableLabel')}</label>
          <textarea
            id={`${id}-unavailable`}
            rows={2}
            value={whenUnavailable}
            onChange={(e) => setUnavailable(e.target.value)}
          />
          <button type="submit" className="button-small">
            {t('needs.save')}
          </button>
        </form>
      )}
    </details>
  );
}

/** Under a referral in her panel: the coded reason it closed or came back for, her needs, its forms. */
export function ReferralDetails({ referral, act }: { referral: ReferralView; act: Act }) {
  const needs = referral.needsAndRequirements ? needsLines(referral.needsAndRequirements) : [];
  const allowed = referral.allowedActions;
  return (
    <div className="referral-details">
      {referral.withdrawalReasonCode && (
        <p className="secondary" data-reason-code={referral.withdrawalReasonCode}>
          {t('referral.withdrawnBecause', { reason: reasonLabel(referral.withdrawalReasonCode) })}
          {referral.withdrawnReason ? ` (${referral.withdrawnReason})` : ''}
        </p>
      )}
      {referral.status === ReferralStatus.RETURNED && referral.returnedReasonCode && (
        <p className="secondary" data-reason-code={referral.returnedReasonCode}>
          {t('referral.returnedBecause', { reason: reasonLabel(referral.returnedReasonCode) })}
          {referral.returnedReason ? ` (${referral.returnedReason})` : ''}
        </p>
      )}
      {needs.length > 0 && (
        <ul className="plain needs" aria-label={t('needs.listLabel', { reference: referral.reference })}>
          {needs.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {allowed.includes('referral.edit') && <NeedsForm referral={referral} act={act} />}
      {allowed.includes('referral.withdraw') && <ReferralReasonForm referral={referral} act={act} kind="withdraw" />}
      {allowed.includes('referral.return') && <ReferralReasonForm referral={referral} act={act} kind="return" />}
    </div>
  );
}
