import type { IncomingMessage } from 'node:http';
import { socketOriginOptions } from './socket-origins';

function decide(origin: string | undefined, allowed: string[]): { success: boolean; refused: string[] } {
  const refused: string[] = [];
  const options = socketOriginOptions(allowed, (o) => refused.push(o));
  let success = false;
  const request = { headers: origin === undefined ? {} : { origin } } as IncomingMessage;
  options.allowRequest?.(request, (_error, ok) => {
    success = ok;
  });
  return { success, refused };
}

describe('socketOriginOptions', () => {
  const allowed = ['https://resettle.example.gov.uk'];

  it('admits a page of an allowed origin', () => {
    expect(decide('https://resettle.example.gov.uk', allowed)).toEqual({ success: true, refused: [] });
  });

  it('refuses a page of any other origin, and says which', () => {
    expect(decide('https://evil.example', allowed)).toEqual({ success: false, refused: ['https://evil.example'] });
    expect(decide('null', allowed).success).toBe(false);
  });

  it('lets a request with no Origin (a program, not a page) go on to authenticate', () => {
    expect(decide(undefined, allowed).success).toBe(true);
  });

  it('answers CORS for the allowed origins only', () => {
    expect(socketOriginOptions(allowed, () => undefined).cors).toMatchObject({ origin: allowed });
  });
});
