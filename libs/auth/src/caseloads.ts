/**
 * Her caseloads (the prisons she works in) when the issuer's token does not carry them. HMPPS Auth's tokens do
 * not: HMPPS services read them with her own access token from the Prison API, `GET /api/users/me/caseLoads`
 * (an array of `{ caseLoadId, description, type, currentlyActive }`), or from the NOMIS User Roles API / Manage
 * Users API, `GET /me/caseloads` / `GET /users/me/caseloads` (`{ activeCaseload, caseloads: [{ id, name }] }`)
 * (ministryofjustice/prison-api UserResource; ministryofjustice hmpps-typescript-template and nomis-user-roles-api
 * clients). The claim mapping's `caseloadsUrl` names the endpoint: configuration, not code.
 */

/** The prison codes in either answer's shape, upper-cased; anything else is not a caseload answer. */
export function caseloadIds(body: unknown): string[] | null {
  const entries: unknown = Array.isArray(body) ? body : (body as { caseloads?: unknown } | null)?.caseloads;
  if (!Array.isArray(entries)) return null;
  const ids = entries.flatMap((entry: unknown) => {
    const id = (entry as { caseLoadId?: unknown; id?: unknown } | null)?.caseLoadId ?? (entry as { id?: unknown })?.id;
    return typeof id === 'string' && id.trim() !== '' ? [id.trim().toUpperCase()] : [];
  });
  return [...new Set(ids)];
}

const TIMEOUT_MS = 5_000;

/** Reads her caseloads from `url` with her access token; throws, saying why, when it cannot. */
export async function fetchCaseloads(url: string, accessToken: string): Promise<string[]> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new Error(`${url} could not be reached (${(error as Error).message})`);
  }
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  const ids = caseloadIds(await response.json().catch(() => undefined));
  if (!ids) throw new Error(`${url} did not answer with caseloads`);
  return ids;
}
