/**
 * An error as the reader is told it, in her language: the catalogue's words for the API's stable `code`
 * (apiError.<CODE> in i18n/en.json and cy.json) with what the body adds (who holds the task, which fields), or the
 * API's English message for a code the catalogue does not know yet.
 */
import { ApiErrorCode } from '@app/contracts';
import { ApiError } from './api';
import { hasMessage, t } from './i18n';

function holder(body: Record<string, unknown>): string {
  const heldBy = body.heldBy as { displayName?: string | null } | null | undefined;
  return heldBy?.displayName || '__none__';
}

function fieldNames(body: Record<string, unknown>): string {
  const fields = Array.isArray(body.fields) ? (body.fields as { field: string }[]) : [];
  return fields.map((f) => f.field).join(', ');
}

export function apiErrorText(error: unknown): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  const key = `apiError.${error.code ?? ''}`;
  if (!error.code || !hasMessage(key)) return error.message;
  const body = error.body;
  return t(key, {
    holder: holder(body),
    fields: fieldNames(body),
    status: typeof body.status === 'string' ? body.status : '',
    seconds: typeof body.retryAfterSeconds === 'number' ? body.retryAfterSeconds : 0,
    minutes: typeof body.retryAfterSeconds === 'number' ? Math.ceil(body.retryAfterSeconds / 60) : 0,
  });
}

/** The codes the web has words for: all of them (the catalogue check in i18n/catalogues.spec.ts holds it). */
export const KEYED_CODES: readonly ApiErrorCode[] = Object.values(ApiErrorCode);
