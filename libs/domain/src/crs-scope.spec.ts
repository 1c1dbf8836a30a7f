/**
 * The CRS contracted scope (issue 13, point 8). Sources: HMI Probation and HMI Prisons, "The quality of work
 * undertaken with women" (2024): the CRS pathway list (accommodation "community and before release", social
 * inclusion "only available before and after release from prison"), 3.4 (finance and debt not in the custodial
 * scope), recommendation 4 (domestic abuse and sex work not yet pathways).
 */
import { DEFAULT_TASK_CATALOGUE } from './default-task-catalogue';
import { CrsPhase, crsContractedPathways, crsPhaseOfDeadline, crsScopeProblem, isCrsContracted } from './crs-scope';
import { Pathway } from './pathways';
import { Role } from './roles';
import { DeadlineAnchor, OffsetUnit } from './task-template';

describe('CRS contracted scope', () => {
  it('contracts accommodation and personal wellbeing before release, and nothing else', () => {
    expect(crsContractedPathways(CrsPhase.PRE_RELEASE)).toEqual([
      Pathway.ACCOMMODATION,
      Pathway.ATTITUDES_THINKING_AND_BEHAVIOUR,
    ]);
  });

  it('leaves finance and debt, and education and work, to the community', () => {
    expect(isCrsContracted(Pathway.FINANCE_AND_ID, CrsPhase.PRE_RELEASE)).toBe(false);
    expect(isCrsContracted(Pathway.FINANCE_AND_ID, CrsPhase.POST_RELEASE)).toBe(true);
    expect(isCrsContracted(Pathway.EDUCATION_SKILLS_AND_WORK, CrsPhase.PRE_RELEASE)).toBe(false);
    expect(isCrsContracted(Pathway.EDUCATION_SKILLS_AND_WORK, CrsPhase.POST_RELEASE)).toBe(true);
  });

  it('contracts neither domestic abuse nor sex work yet (the inspection’s recommendation 4)', () => {
    for (const phase of [CrsPhase.PRE_RELEASE, CrsPhase.POST_RELEASE]) {
      expect(isCrsContracted(Pathway.DOMESTIC_ABUSE, phase)).toBe(false);
      expect(isCrsContracted(Pathway.SEX_WORK, phase)).toBe(false);
    }
  });

  it('reads a task due before release, or from the HDCED or the need, as pre-release; on or after release as post', () => {
    const rule = (anchor: DeadlineAnchor, offset: number) => ({ anchor, offset, unit: OffsetUnit.CALENDAR_DAYS });
    expect(crsPhaseOfDeadline(rule(DeadlineAnchor.RELEASE, -1))).toBe(CrsPhase.PRE_RELEASE);
    expect(crsPhaseOfDeadline(rule(DeadlineAnchor.RELEASE, 0))).toBe(CrsPhase.POST_RELEASE);
    expect(crsPhaseOfDeadline(rule(DeadlineAnchor.HDC_ELIGIBILITY, -28))).toBe(CrsPhase.PRE_RELEASE);
    expect(crsPhaseOfDeadline(rule(DeadlineAnchor.NEED_IDENTIFIED, 2))).toBe(CrsPhase.PRE_RELEASE);
  });

  it('refuses a CRS caseworker task for finance before release and allows it after', () => {
    const before = { anchor: DeadlineAnchor.RELEASE, offset: -28, unit: OffsetUnit.CALENDAR_DAYS };
    const after = { ...before, offset: 14 };
    expect(crsScopeProblem({ pathway: Pathway.FINANCE_AND_ID, ownerRole: Role.CRS_CASEWORKER, deadline: before })).toBe(
      "CRS providers are not contracted for FINANCE_AND_ID work before release: give the task to the prison's teams or the COM.",
    );
    expect(
      crsScopeProblem({ pathway: Pathway.FINANCE_AND_ID, ownerRole: Role.CRS_CASEWORKER, deadline: after }),
    ).toBeNull();
    expect(
      crsScopeProblem({ pathway: Pathway.FINANCE_AND_ID, ownerRole: Role.PRE_RELEASE_TEAM, deadline: before }),
    ).toBeNull();
  });

  it('holds for every active entry of the default catalogue', () => {
    const problems = DEFAULT_TASK_CATALOGUE.filter((t) => t.active)
      .map((t) => [t.key, crsScopeProblem(t)])
      .filter(([, problem]) => problem !== null);
    expect(problems).toEqual([]);
  });

  it('gives finance, debt and work before release to the pre-release team, retiring the CRS entries', () => {
    const entry = (key: string) => DEFAULT_TASK_CATALOGUE.find((t) => t.key === key);
    expect(entry('CRS_FINANCE_BENEFIT_DEBT_SUPPORT')?.active).toBe(false);
    expect(entry('CRS_EDUCATION_WORK_SUPPORT')?.active).toBe(false);
    expect(entry('FINANCE_DEBT_SUPPORT_BEFORE_RELEASE')?.ownerRole).toBe(Role.PRE_RELEASE_TEAM);
    expect(entry('EDUCATION_WORK_PLAN_BEFORE_RELEASE')?.ownerRole).toBe(Role.PRE_RELEASE_TEAM);
  });
});
