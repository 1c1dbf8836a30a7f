import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Role } from '@app/domain';
import { mapClaims, parseClaimMapping } from './claim-mapping';
import { readOidcSettings } from './oidc.config';

const EXAMPLE = join(__dirname, '..', '..', '..', 'docker', 'oidc-claim-mapping.hmpps-auth.example.json');
const PROVIDER_ID = '5b0d1d5e-7c1e-4f51-9d8c-1f2f0c0e9a11';

function hmppsMapping() {
  const mapping = parseClaimMapping(readFileSync(EXAMPLE, 'utf8'), 'example');
  return { ...mapping, providers: { 'Acme Resettlement': PROVIDER_ID } };
}

describe('the issuer claim mapping', () => {
  it('maps HMPPS Auth claims of a NOMIS prison user to a pre-release team member at her caseloads', () => {
    const result = mapClaims(hmppsMapping(), {
      sub: 'AMY_GEN',
      user_name: 'AMY_GEN',
      name: 'Amy Gen',
      auth_source: 'nomis',
      authorities: ['ROLE_PRISON', 'ROLE_RESETTLE_PRT'],
      caseloads: ['sti', 'EWI'],
    });
    expect(result).toEqual({
      identity: {
        username: 'AMY_GEN',
        displayName: 'Amy Gen',
        role: Role.PRE_RELEASE_TEAM,
        isManager: false,
        prisonCodes: ['STI', 'EWI'],
        providerId: null,
        regionCode: null,
        teamKey: 'STI',
      },
    });
  });

  it('takes the first matching rule, so a manager role listed first wins', () => {
    const result = mapClaims(hmppsMapping(), {
      user_name: 'MAY',
      auth_source: 'nomis',
      authorities: ['ROLE_RESETTLE_PRT', 'ROLE_RESETTLE_PRT_MANAGER'],
      caseloads: 'STI',
    });
    expect(result).toMatchObject({ identity: { role: Role.PRE_RELEASE_TEAM, isManager: true, prisonCodes: ['STI'] } });
  });

  it('respects a rule’s auth sources: a prison role from a Delius sign-in gives nothing', () => {
    const result = mapClaims(hmppsMapping(), { user_name: 'X', auth_source: 'delius', authorities: ['ROLE_POM'] });
    expect(result).toEqual({
      refusal: 'your account has no role that gives access to Resettle (the issuer gave: ROLE_POM)',
    });
  });

  it('maps a CRS caseworker’s provider claim to the provider id, and refuses one whose provider it does not know', () => {
    const claims = { user_name: 'CAS', auth_source: 'auth', authorities: ['ROLE_RESETTLE_CRS'] };
    expect(mapClaims(hmppsMapping(), { ...claims, crs_provider: 'Acme Resettlement' })).toMatchObject({
      identity: { role: Role.CRS_CASEWORKER, providerId: PROVIDER_ID, teamKey: PROVIDER_ID, prisonCodes: [] },
    });
    expect(mapClaims(hmppsMapping(), { ...claims, crs_provider: 'Unknown Ltd' })).toEqual({
      refusal: 'a CRS caseworker needs a crs_provider claim naming a provider the mapping knows',
    });
  });

  it('refuses claims with no username', () => {
    expect(mapClaims(hmppsMapping(), { authorities: ['ROLE_RESETTLE_ADMIN'] })).toEqual({
      refusal: 'the token has no user_name or sub claim',
    });
  });

  it('names the field of an invalid mapping', () => {
    expect(() => parseClaimMapping('{"roles":[{"when":"ROLE_X","role":"WARDEN"}]}', 'OIDC_CLAIM_MAPPING')).toThrow(
      /OIDC_CLAIM_MAPPING is not a valid claim mapping: roles\.0\.role/,
    );
    expect(() => parseClaimMapping('{"roles":[]}', 'OIDC_CLAIM_MAPPING')).toThrow(/roles: give at least one role rule/);
    expect(() => parseClaimMapping('{', 'OIDC_CLAIM_MAPPING')).toThrow(/not valid JSON/);
    expect(() =>
      parseClaimMapping('{"roles":[{"when":"R","role":"POM"}],"caseloadsUrl":"ftp://x/"}', 'OIDC_CLAIM_MAPPING'),
    ).toThrow(/OIDC_CLAIM_MAPPING is not a valid claim mapping: caseloadsUrl/);
    expect(
      parseClaimMapping(
        '{"roles":[{"when":"R","role":"POM"}],"caseloadsUrl":"https://prison-api.example/api/users/me/caseLoads"}',
        'OIDC_CLAIM_MAPPING',
      ).caseloadsUrl,
    ).toBe('https://prison-api.example/api/users/me/caseLoads');
  });
});

describe('the sign-in settings', () => {
  const oidc = {
    OIDC_ISSUER: 'https://sign-in.hmpps.service.justice.gov.uk/auth/issuer',
    OIDC_CLIENT_ID: 'resettle',
    OIDC_CLIENT_SECRET: 'a-secret',
    OIDC_CLAIM_MAPPING_FILE: EXAMPLE,
  };

  it('leaves single sign-on off and passwords on by default', () => {
    expect(readOidcSettings({})).toEqual({ localSignIn: true, oidc: null });
  });

  it('reads the issuer, with the client id as the audience unless one is given', () => {
    const settings = readOidcSettings(oidc);
    expect(settings.oidc).toMatchObject({ issuer: oidc.OIDC_ISSUER, clientId: 'resettle', audience: 'resettle' });
    expect(readOidcSettings({ ...oidc, OIDC_AUDIENCE: 'resettle-api' }).oidc?.audience).toBe('resettle-api');
  });

  it('refuses half a configuration, naming what is missing', () => {
    expect(() => readOidcSettings({ OIDC_ISSUER: oidc.OIDC_ISSUER })).toThrow(
      /OIDC_CLIENT_ID, OIDC_CLIENT_SECRET must be set with the others/,
    );
    expect(() => readOidcSettings({ ...oidc, OIDC_CLAIM_MAPPING_FILE: undefined })).toThrow(/OIDC_CLAIM_MAPPING/);
  });

  it('refuses LOCAL_SIGN_IN=off without an issuer, and a value that is not on or off', () => {
    expect(() => readOidcSettings({ LOCAL_SIGN_IN: 'off' })).toThrow(/LOCAL_SIGN_IN=off needs OIDC_ISSUER/);
    expect(() => readOidcSettings({ LOCAL_SIGN_IN: 'no' })).toThrow(/LOCAL_SIGN_IN: must be on or off/);
  });
});

describe('the sign-in settings from docker compose', () => {
  it('reads the empty strings compose passes for unset variables as unset', () => {
    const blank = {
      LOCAL_SIGN_IN: 'on',
      OIDC_ISSUER: '',
      OIDC_CLIENT_ID: '',
      OIDC_CLIENT_SECRET: '',
      OIDC_AUDIENCE: '',
    };
    expect(readOidcSettings({ ...blank, OIDC_CLAIM_MAPPING: '' })).toEqual({ localSignIn: true, oidc: null });
  });
});
