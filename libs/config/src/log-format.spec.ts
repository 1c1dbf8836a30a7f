import { z } from 'zod';
import { logFormatSchema, logTransport } from './log-format';
import { parseSettings } from './parse-settings';

describe('LOG_FORMAT', () => {
  const schema = z.object({ LOG_FORMAT: logFormatSchema });

  it('defaults to JSON lines, written by pino itself with no transport', () => {
    const { LOG_FORMAT } = parseSettings(schema, {}, 'API');
    expect(LOG_FORMAT).toBe('json');
    expect(logTransport(LOG_FORMAT)).toBeUndefined();
  });

  it('formats the lines with pino-pretty when set to pretty', () => {
    const { LOG_FORMAT } = parseSettings(schema, { LOG_FORMAT: 'pretty' }, 'API');
    expect(logTransport(LOG_FORMAT)).toEqual(expect.objectContaining({ target: 'pino-pretty' }));
  });

  it.each(['xml', 'PRETTY', ''])('refuses %p with a message naming LOG_FORMAT and its choices', (value) => {
    expect(() => parseSettings(schema, { LOG_FORMAT: value }, 'worker')).toThrow(
      'Invalid worker settings: LOG_FORMAT: LOG_FORMAT must be one of json, pretty',
    );
  });
});
