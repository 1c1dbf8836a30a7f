import { baseEnv } from './environment';

describe("npm start's environment for the apps", () => {
  it('asks for pretty logs when a person reads the terminal, JSON lines otherwise', () => {
    expect(baseEnv({}, true).LOG_FORMAT).toBe('pretty');
    expect(baseEnv({}, false).LOG_FORMAT).toBe('json');
  });

  it('keeps a LOG_FORMAT the developer set', () => {
    expect(baseEnv({ LOG_FORMAT: 'json' }, true).LOG_FORMAT).toBe('json');
  });

  it("admits the web app's origin (the API's) at the gateway and names a gateway off port 3001 to the pages", () => {
    const env = baseEnv({ API_PORT: '3910', GATEWAY_PORT: '3911' }, false);
    expect(env.GATEWAY_ALLOWED_ORIGINS).toBe('http://localhost:3910,http://127.0.0.1:3910');
    expect(env.PUBLIC_GATEWAY_URL).toBe('http://localhost:3911');
    expect(baseEnv({}, false).PUBLIC_GATEWAY_URL).toBeUndefined();
  });

  it('fills local defaults only where nothing is set', () => {
    const env = baseEnv({ LOG_LEVEL: 'debug' }, false);
    expect(env).toMatchObject({ API_PORT: '3000', GATEWAY_PORT: '3001', WORKER_PORT: '3002', LOG_LEVEL: 'debug' });
  });
});
