/**
 * Her release plan in the woman's panel (issue 18): for the staff the server allows to print it (the release-day
 * plan's allowedActions), a choice of English or Welsh and the two ticks (staff names; special category details for
 * her copy only), and a button that downloads the PDF to print or hand over. Each download is a print in her audit
 * trail, so the panel is reloaded after it.
 */
import { FormEvent, useState } from 'react';
import type { PlanAction } from '@app/contracts';
import { ApiError, loadSession } from '../api';
import { apiErrorText } from '../api-error-text';
import { t } from '../i18n';

interface Props {
  womanId: string;
  /** The release-day plan view's allowedActions. */
  actions: readonly PlanAction[];
  /** Reloads her panel, so the print shows in her audit trail. */
  onPrinted: () => unknown;
}

/** POSTs for the PDF and hands it to the browser as a download. */
async function downloadPlan(womanId: string, body: unknown): Promise<string> {
  const token = loadSession()?.token;
  const response = await fetch(`/women/${womanId}/release-plan`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    const message = Array.isArray(body.message) ? body.message.join('; ') : body.message;
    throw new ApiError(response.status, typeof message === 'string' ? message : response.statusText, body);
  }
  const fileName =
    /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'release-plan.pdf';
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return fileName;
}

export function ReleasePlanForm({ womanId, actions, onPrinted }: Props) {
  const [language, setLanguage] = useState<'en' | 'cy'>('en');
  const [staffNames, setStaffNames] = useState(false);
  const [specialCategory, setSpecialCategory] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  if (!actions.includes('release-plan.print')) return null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setOutcome(null);
    try {
      const fileName = await downloadPlan(womanId, { language, include: { staffNames, specialCategory } });
      setOutcome({ ok: true, text: t('releasePlan.downloaded', { fileName }) });
      void onPrinted();
    } catch (error) {
      setOutcome({ ok: false, text: t('releasePlan.failed', { reason: apiErrorText(error) }) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="panel-release-plan" data-testid="release-plan-form">
      <h3 id="panel-release-plan">{t('releasePlan.heading')}</h3>
      <p className="secondary">{t('releasePlan.intro')}</p>
      <form onSubmit={(event) => void submit(event)}>
        <fieldset>
          <legend>{t('releasePlan.language')}</legend>
          <label>
            <input
              type="radio"
              name="release-plan-language"
              value="en"
              checked={language === 'en'}
              onChange={() => setLanguage('en')}
            />{' '}
            {t('releasePlan.english')}
          </label>{' '}
          <label>
            <input
              type="radio"
              name="release-plan-language"
              value="cy"
              checked={language === 'cy'}
              onChange={() => setLanguage('cy')}
            />{' '}
            {t('releasePlan.welsh')}
          </label>
        </fieldset>
        <fieldset>
          <legend>{t('releasePlan.include')}</legend>
          <label>
            <input type="checkbox" checked={staffNames} onChange={(e) => setStaffNames(e.target.checked)} />{' '}
            {t('releasePlan.staffNames')}
          </label>
          <br />
          <label>
            <input type="checkbox" checked={specialCategory} onChange={(e) => setSpecialCategory(e.target.checked)} />{' '}
            {t('releasePlan.specialCategory')}
          </label>
        </fieldset>
        <p className="secondary">{t('releasePlan.never')}</p>
        <button type="submit" disabled={busy}>
          {busy ? t('releasePlan.making') : t('releasePlan.download')}
        </button>
      </form>
      {outcome && (
        <p role="status" className={outcome.ok ? undefined : 'warning'}>
          {outcome.text}
        </p>
      )}
    </section>
  );
}
