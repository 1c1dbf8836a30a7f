import { Role } from '@app/domain';
import { automaticRooms, roomAccess } from './room-access';

const base = { id: 'u1', prisonCodes: ['STI'], providerId: null, teamKey: null, isManager: false };
const inScope = (ids: string[]) => (id: string) => Promise.resolve(ids.includes(id));

describe('room access', () => {
  it('lets prison staff join only their own prison board', async () => {
    const prt = { ...base, role: Role.PRE_RELEASE_TEAM };
    expect(await roomAccess(prt, 'prison:STI', inScope([]))).toEqual({ allowed: true });
    expect((await roomAccess(prt, 'prison:BZI', inScope([]))).allowed).toBe(false);
    expect((await roomAccess(prt, 'prison:STI:oversight', inScope([]))).allowed).toBe(false);
  });

  it('gives governors the oversight board of their own prison only', async () => {
    const governor = { ...base, role: Role.GOVERNOR };
    expect(await roomAccess(governor, 'prison:STI:oversight', inScope([]))).toEqual({ allowed: true });
    expect((await roomAccess(governor, 'prison:STI', inScope([]))).allowed).toBe(false);
    expect((await roomAccess(governor, 'prison:BZI:oversight', inScope([]))).allowed).toBe(false);
  });

  it('keeps a CRS caseworker to her own provider, out of every prison board', async () => {
    const crs = { ...base, role: Role.CRS_CASEWORKER, prisonCodes: [], providerId: 'p1' };
    expect(await roomAccess(crs, 'provider:p1', inScope([]))).toEqual({ allowed: true });
    expect((await roomAccess(crs, 'provider:p2', inScope([]))).allowed).toBe(false);
    expect((await roomAccess(crs, 'prison:STI', inScope([]))).allowed).toBe(false);
    expect((await roomAccess(crs, 'prison:STI:oversight', inScope([]))).allowed).toBe(false);
  });

  it('lets a holder of her case follow a woman only when she is in their scope', async () => {
    const com = { ...base, role: Role.COM, prisonCodes: [] };
    expect(await roomAccess(com, 'woman:w1', inScope(['w1']))).toEqual({ allowed: true });
    expect((await roomAccess(com, 'woman:w2', inScope(['w1']))).allowed).toBe(false);
  });

  it('refuses the woman room to governors, regional managers and caseworkers, who see only part of her case', async () => {
    for (const role of [Role.GOVERNOR, Role.REGIONAL_MANAGER, Role.CRS_CASEWORKER]) {
      expect((await roomAccess({ ...base, role, providerId: 'p1' }, 'woman:w1', inScope(['w1']))).allowed).toBe(false);
    }
  });

  it('refuses a prison team room for a prison that is not hers', async () => {
    const pom = { ...base, role: Role.POM, teamKey: 'BZI' };
    expect((await roomAccess(pom, 'team:POM:BZI', inScope([]))).allowed).toBe(false);
    expect(automaticRooms(pom)).toEqual(['user:u1']);
  });

  it('refuses other users’ rooms, other teams, manager rooms to non-managers and unknown rooms', async () => {
    const pom = { ...base, role: Role.POM, teamKey: 'STI' };
    expect((await roomAccess(pom, 'user:u2', inScope([]))).allowed).toBe(false);
    expect(await roomAccess(pom, 'team:POM:STI', inScope([]))).toEqual({ allowed: true });
    expect((await roomAccess(pom, 'team:POM:BZI', inScope([]))).allowed).toBe(false);
    expect((await roomAccess(pom, 'managers:POM:STI', inScope([]))).allowed).toBe(false);
    expect(await roomAccess({ ...pom, isManager: true }, 'managers:POM:STI', inScope([]))).toEqual({ allowed: true });
    expect((await roomAccess(pom, 'everything', inScope([]))).allowed).toBe(false);
  });

  it('puts a manager in her user, team and managers rooms on connect', () => {
    expect(automaticRooms({ ...base, role: Role.POM, teamKey: 'STI', isManager: true })).toEqual([
      'user:u1',
      'team:POM:STI',
      'managers:POM:STI',
    ]);
  });
});
