import { Pathway } from './pathways';
import { Role } from './roles';
import { canSeePathway, taskVisibilityFor } from './visibility-policy';

describe('task visibility', () => {
  it('hides the sensitive pathways from CRS caseworkers and governors only', () => {
    expect(canSeePathway(Role.CRS_CASEWORKER, Pathway.DOMESTIC_ABUSE)).toBe(false);
    expect(canSeePathway(Role.GOVERNOR, Pathway.SEX_WORK)).toBe(false);
    expect(canSeePathway(Role.GOVERNOR, Pathway.HEALTH)).toBe(false);
    expect(canSeePathway(Role.GOVERNOR, Pathway.ACCOMMODATION)).toBe(true);
    expect(canSeePathway(Role.PRE_RELEASE_TEAM, Pathway.DOMESTIC_ABUSE)).toBe(true);
    expect(canSeePathway(Role.COM, Pathway.SEX_WORK)).toBe(true);
  });

  it('limits a CRS caseworker to tasks owned by CRS caseworkers', () => {
    expect(taskVisibilityFor(Role.CRS_CASEWORKER).ownerRoleOnly).toBe(Role.CRS_CASEWORKER);
    expect(taskVisibilityFor(Role.POM).ownerRoleOnly).toBeNull();
  });
});
