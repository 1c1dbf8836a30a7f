/**
 * The authorisation code flow as a browser walks it, over plain HTTP: from the API's GET /auth/oidc/login through
 * the issuer's login and consent pages (oidc-provider's development interactions) back to the API's callback,
 * keeping each host's cookies and following every redirect by hand, so a suite can look at each step.
 */

/** Cookies per origin, as a browser would keep them (enough for these two hosts on 127.0.0.1). */
export class CookieJar {
  private readonly jars = new Map<string, Map<string, string>>();

  header(url: string): string {
    return [...(this.jars.get(new URL(url).origin) ?? new Map<string, string>()).entries()]
      .map(([name, value]) => `${name}=${value}`)
      .join('; ');
  }

  keep(url: string, response: Response): void {
    const jar = this.jars.get(new URL(url).origin) ?? new Map<string, string>();
    this.jars.set(new URL(url).origin, jar);
    for (const cookie of response.headers.getSetCookie()) {
      const [pair, ...attributes] = cookie.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const cleared = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || pair.slice(at + 1).trim() === '';
      if (cleared) jar.delete(name);
      else jar.set(name, pair.slice(at + 1).trim());
    }
  }
}

export interface Step {
  url: string;
  status: number;
  location: string | null;
  body: string;
}

async function request(jar: CookieJar, url: string, init: RequestInit = {}): Promise<Step> {
  const headers = new Headers(init.headers);
  const cookie = jar.header(url);
  if (cookie) headers.set('cookie', cookie);
  const response = await fetch(url, { ...init, headers, redirect: 'manual' });
  jar.keep(url, response);
  const location = response.headers.get('location');
  return {
    url,
    status: response.status,
    location: location ? new URL(location, url).toString() : null,
    body: await response.text(),
  };
}

/** Follows redirects from `url` until a page answers (or `stopAt` matches the next URL, which is not fetched). */
export async function follow(jar: CookieJar, url: string, stopAt?: (url: string) => boolean): Promise<Step[]> {
  const steps: Step[] = [];
  let next: string | null = url;
  while (next && !(steps.length > 0 && stopAt?.(next))) {
    const step = await request(jar, next);
    steps.push(step);
    if (steps.length > 20) throw new Error(`too many redirects from ${url}`);
    next = step.status >= 300 && step.status < 400 ? step.location : null;
  }
  return steps;
}

function formAction(page: Step): string {
  const match = /<form[^>]*action="([^"]+)"/.exec(page.body);
  if (!match) throw new Error(`no form on ${page.url} (${page.status}): ${page.body.slice(0, 300)}`);
  return new URL(match[1], page.url).toString();
}

async function submit(jar: CookieJar, page: Step, fields: Record<string, string>): Promise<Step> {
  return request(jar, formAction(page), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
}

export interface CodeFlow {
  /** The issuer's authorisation request, as the API built it. */
  authorizationUrl: URL;
  /** Where the API's callback sent the browser. */
  landing: string;
  jar: CookieJar;
}

/**
 * Signs `login` in at the issuer, starting from the API, and returns where the API's callback sent the browser;
 * the jar then holds the API's sign-in cookie.
 */
export async function signInThroughIssuer(apiUrl: string, login: string, jar = new CookieJar()): Promise<CodeFlow> {
  const isCallback = (url: string) => url.startsWith(`${apiUrl}/auth/oidc/callback`);
  const start = await follow(jar, `${apiUrl}/auth/oidc/login`, isCallback);
  const authorizationUrl = new URL(start[1].url);
  let page = start[start.length - 1];
  let callback: string | null = null;
  for (let round = 0; round < 4 && !callback; round += 1) {
    const prompt = /name="prompt" value="(\w+)"/.exec(page.body)?.[1];
    if (!prompt) throw new Error(`expected a login or consent page at ${page.url}: ${page.body.slice(0, 300)}`);
    const answered = await submit(jar, page, prompt === 'login' ? { prompt, login, password: 'any' } : { prompt });
    const steps = answered.location ? await follow(jar, answered.location, isCallback) : [];
    const last = steps[steps.length - 1];
    if (last?.location && isCallback(last.location)) callback = last.location;
    else if (last) page = last;
    else throw new Error(`the issuer answered ${answered.status} to the ${prompt} form`);
  }
  if (!callback) throw new Error('the issuer never sent the browser back to the API');
  const back = await request(jar, callback);
  if (back.status !== 302 || !back.location) throw new Error(`the callback answered ${back.status}: ${back.body}`);
  return { authorizationUrl, landing: back.location, jar };
}
