import { z } from 'zod';
import { parseSettings } from './parse-settings';

describe('parseSettings', () => {
  const schema = z.object({ PORT: z.coerce.number().int().min(1), NAME: z.string().default('resettle') });

  it('returns typed settings with defaults applied', () => {
    expect(parseSettings(schema, { PORT: '3000' }, 'test')).toEqual({ PORT: 3000, NAME: 'resettle' });
  });

  it('names every bad variable in one message', () => {
    expect(() => parseSettings(schema, { PORT: 'zero', NAME: '' }, 'API')).toThrow(/^Invalid API settings: PORT: /);
  });
});
