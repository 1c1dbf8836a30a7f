/**
 * Runs a user's action and says what happened in words: success, or the API's own explanation (a 409 says
 * who holds the task or what the referral is now). Then reloads, so the screen shows the truth either way.
 */
import { useState } from 'react';
import { apiErrorText } from './api-error-text';
import { t } from './i18n';

export function useAction(reload: () => Promise<void>) {
  const [message, setMessage] = useState<string | null>(null);
  /** Resolves to whether the action succeeded, so a form can clear itself only when it did. */
  async function run(label: string, call: () => Promise<unknown>, success = t('action.done')): Promise<boolean> {
    let ok = false;
    try {
      await call();
      setMessage(t('action.outcome', { label, outcome: success }));
      ok = true;
    } catch (caught) {
      setMessage(t('action.outcome', { label, outcome: apiErrorText(caught) }));
    }
    await reload();
    return ok;
  }
  return { message, setMessage, run };
}
