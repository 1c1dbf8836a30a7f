import { gatewaySources } from './security-headers';

describe('gatewaySources', () => {
  it('admits the configured gateway over http and ws, whatever host served the page', () => {
    expect(gatewaySources('https://live.resettle.example/', { protocol: 'http', hostname: 'elsewhere' })).toBe(
      'https://live.resettle.example wss://live.resettle.example',
    );
    expect(gatewaySources('http://127.0.0.1:4101', { protocol: 'http', hostname: 'x' })).toBe(
      'http://127.0.0.1:4101 ws://127.0.0.1:4101',
    );
  });

  it('without one, admits port 3001 of the host that served the page, as the web app connects', () => {
    expect(gatewaySources(null, { protocol: 'http', hostname: 'localhost' })).toBe(
      'http://localhost:3001 ws://localhost:3001',
    );
    expect(gatewaySources(null, { protocol: 'https', hostname: '[::1]' })).toBe('https://[::1]:3001 wss://[::1]:3001');
  });

  it('admits nothing extra for a Host header that is not a host name', () => {
    expect(gatewaySources(null, { protocol: 'http', hostname: "evil.example 'unsafe-inline'" })).toBe('');
    expect(gatewaySources(null, { protocol: 'http', hostname: undefined })).toBe('');
  });
});
