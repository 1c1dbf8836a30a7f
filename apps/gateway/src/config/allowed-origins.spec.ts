import { z } from 'zod';
import { parseSettings } from '@app/config';
import { allowedOriginsSchema } from './allowed-origins';

// As gateway.config.ts reads it (that module pulls in Nest, which Jest's module registry cannot load).
const read = (env: NodeJS.ProcessEnv): string[] =>
  parseSettings(z.object({ GATEWAY_ALLOWED_ORIGINS: allowedOriginsSchema }), env, 'gateway').GATEWAY_ALLOWED_ORIGINS;

describe('GATEWAY_ALLOWED_ORIGINS', () => {
  it('defaults to the web app as npm start serves it', () => {
    expect(read({})).toEqual(['http://localhost:3000', 'http://127.0.0.1:3000']);
    expect(read({ GATEWAY_ALLOWED_ORIGINS: '' })).toEqual(['http://localhost:3000', 'http://127.0.0.1:3000']);
  });

  it('reads a comma-separated list of origins as browsers send them', () => {
    const origins = read({
      GATEWAY_ALLOWED_ORIGINS:
        ' https://Resettle.example.gov.uk/ , http://127.0.0.1:4100,https://resettle.example.gov.uk:443',
    });
    expect(origins).toEqual(['https://resettle.example.gov.uk', 'http://127.0.0.1:4100']);
  });

  it.each(['*', 'resettle.example.gov.uk', 'https://resettle.example.gov.uk/board', 'ws://localhost:3000'])(
    'refuses %s at boot with a message naming the variable',
    (value) => {
      expect(() => read({ GATEWAY_ALLOWED_ORIGINS: value })).toThrow(
        /GATEWAY_ALLOWED_ORIGINS must be a comma-separated list of web origins/,
      );
    },
  );
});
