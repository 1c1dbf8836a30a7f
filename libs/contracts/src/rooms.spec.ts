import { Role } from './roles';
import { rooms } from './rooms';

describe('room names', () => {
  it('names each room as the gateway, the relay and the web all spell it', () => {
    expect(rooms.prison('STI')).toBe('prison:STI');
    expect(rooms.prisonOversight('STI')).toBe('prison:STI:oversight');
    expect(rooms.provider('p1')).toBe('provider:p1');
    expect(rooms.user('u1')).toBe('user:u1');
    expect(rooms.woman('w1')).toBe('woman:w1');
    expect(rooms.team(Role.POM, 'STI')).toBe('team:POM:STI');
    expect(rooms.managers(Role.COM, 'GM')).toBe('managers:COM:GM');
  });

  it('never gives two different rooms the same name', () => {
    const key = 'k1';
    const names = [
      rooms.prison(key),
      rooms.prisonOversight(key),
      rooms.provider(key),
      rooms.user(key),
      rooms.woman(key),
      ...Object.values(Role).flatMap((role) => [rooms.team(role, key), rooms.managers(role, key)]),
    ];
    expect(new Set(names).size).toBe(names.length);
  });
});
