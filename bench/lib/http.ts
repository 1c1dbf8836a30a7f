/** JSON over HTTP to the API under test, bounded by a timeout; any non-2xx is an error naming the route. */
export interface ApiRequest {
  token?: string;
  body?: unknown;
}

export async function callApi<T>(port: number, method: string, route: string, request: ApiRequest = {}): Promise<T> {
  const response = await fetch(`http://127.0.0.1:${port}${route}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(request.token ? { authorization: `Bearer ${request.token}` } : {}),
    },
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${route}: HTTP ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

export async function signIn(port: number, username: string, password: string): Promise<string> {
  const reply = await callApi<{ accessToken: string }>(port, 'POST', '/auth/login', { body: { username, password } });
  return reply.accessToken;
}
