import { RELEASE_AREAS } from '@app/domain';
import { DEMO_PROVIDERS, demoProviderCoverageProblems, demoProviderForArea } from './demo-providers';
import { DEMO_USERS } from './demo-users';

describe('the demo CRS providers', () => {
  it('map every release area to exactly one provider', () => {
    expect(demoProviderCoverageProblems()).toEqual([]);
    for (const area of RELEASE_AREAS) {
      expect(() => demoProviderForArea(area.code)).not.toThrow();
    }
  });

  it('name only real release areas', () => {
    const areaCodes: readonly string[] = RELEASE_AREAS.map((a) => a.code);
    for (const provider of DEMO_PROVIDERS) {
      for (const code of provider.releaseAreaCodes) expect(areaCodes).toContain(code);
    }
  });

  it('have unique names and three-letter contract suffixes', () => {
    expect(new Set(DEMO_PROVIDERS.map((p) => p.name)).size).toBe(DEMO_PROVIDERS.length);
    expect(new Set(DEMO_PROVIDERS.map((p) => p.contractSuffix)).size).toBe(DEMO_PROVIDERS.length);
    for (const provider of DEMO_PROVIDERS) expect(provider.contractSuffix).toMatch(/^[A-Z]{3}$/);
  });

  it('let about half take direct referrals', () => {
    const direct = DEMO_PROVIDERS.filter((p) => p.allowsDirectReferral).length;
    expect(direct).toBeGreaterThanOrEqual(Math.floor(DEMO_PROVIDERS.length / 2) - 1);
    expect(direct).toBeLessThanOrEqual(Math.ceil(DEMO_PROVIDERS.length / 2) + 1);
  });

  it('put the README caseworker with the Greater Manchester provider', () => {
    const crs = DEMO_USERS.find((u) => u.username === 'crs');
    expect(crs?.providerOfArea).toBe('GREATER_MANCHESTER');
    expect(demoProviderForArea('GREATER_MANCHESTER').releaseAreaCodes).toContain('MERSEYSIDE');
  });
});
