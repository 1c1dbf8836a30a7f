import { Pathway } from './pathways';
import { Role } from './roles';
import { claimRefusal, workRefusal } from './task-permissions';
import { canSeePathway, taskVisibilityFor } from './visibility-policy';

const task = { ownerRole: Role.PRE_RELEASE_TEAM, assigneeId: null, claimedByProviderId: null };

describe('task permissions', () => {
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

  it('lets only the owning role claim a task, and never governors or admins', () => {
    expect(claimRefusal({ id: 'u', role: Role.PRE_RELEASE_TEAM, providerId: null }, task)).toBeNull();
    expect(claimRefusal({ id: 'u', role: Role.POM, providerId: null }, task)).toMatch(/PRE_RELEASE_TEAM/);
    expect(claimRefusal({ id: 'u', role: Role.GOVERNOR, providerId: null }, task)).toMatch(/GOVERNOR/);
    expect(claimRefusal({ id: 'u', role: Role.ADMIN, providerId: null }, task)).not.toBeNull();
  });

  it('lets a CRS caseworker work a task only once her provider holds it', () => {
    const crs = { id: 'c', role: Role.CRS_CASEWORKER, providerId: 'p1' };
    const crsTask = { ownerRole: Role.CRS_CASEWORKER, assigneeId: null, claimedByProviderId: null };
    expect(workRefusal(crs, crsTask)).not.toBeNull();
    expect(workRefusal(crs, { ...crsTask, assigneeId: 'other', claimedByProviderId: 'p1' })).toBeNull();
    expect(workRefusal(crs, { ...crsTask, assigneeId: 'other', claimedByProviderId: 'p2' })).not.toBeNull();
  });

  it('lets the assignee or the owning role work a task, and never a governor', () => {
    expect(workRefusal({ id: 'u', role: Role.PRE_RELEASE_TEAM, providerId: null }, task)).toBeNull();
    expect(workRefusal({ id: 'u', role: Role.POM, providerId: null }, { ...task, assigneeId: 'u' })).toBeNull();
    expect(workRefusal({ id: 'u', role: Role.POM, providerId: null }, task)).not.toBeNull();
    expect(workRefusal({ id: 'g', role: Role.GOVERNOR, providerId: null }, task)).not.toBeNull();
  });
});
