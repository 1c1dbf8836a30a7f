/** Casework steps the suites share: recording needs (which plans tasks) and reading the catalogue. */
import {
  computeDeadline,
  DeadlineAnchor,
  DeadlineAnchors,
  KEYWORK_TASK_KEY,
  OffsetUnit,
  Role,
  TaskDeadline,
} from '@app/domain';
import type { RecordedChange, TaskView, WomanDetailView } from '@app/contracts';
import { ApiClient } from '../setup/api-client';
import { SignedInUser } from './users.factory';
import { createWoman } from './women.factory';

export interface CatalogueEntry {
  key: string;
  pathway: string;
  title: string;
  ownerRole: string;
  deadlineAnchor: string;
  deadlineOffset: number;
  deadlineUnit: string;
  atRiskLeadWorkingDays: number;
  releaseCritical: boolean;
  eligibility: { custodyStatusIn?: string[]; releaseTypeIn?: string[]; minDaysToServe?: number; requiresFlag?: string };
  ineligibleAlternative: { title: string; description: string } | null;
  active: boolean;
  version: number;
}

export async function getCatalogue(api: ApiClient): Promise<CatalogueEntry[]> {
  const response = await api.get<CatalogueEntry[]>('/task-catalogue');
  if (response.status !== 200) throw new Error(`GET /task-catalogue failed with ${response.status}`);
  return response.body;
}

/** Her whole record as the reader sees it (tasks, audit trail, warnings, handover); throws unless it is a 200. */
export async function getWomanDetail(api: ApiClient, womanId: string): Promise<WomanDetailView> {
  const response = await api.get<WomanDetailView>(`/women/${womanId}`);
  if (response.status !== 200) throw new Error(`GET /women/${womanId} failed with ${response.status}`);
  return response.body;
}

/**
 * Her tasks planned from the catalogue: all but the keywork task, which counts from her reception and her last
 * session, never from her release (libs/domain/src/keywork.ts), and which the keywork suite checks.
 */
export function catalogueTasks<T extends { templateKey: string }>(tasks: readonly T[]): T[] {
  return tasks.filter((t) => t.templateKey !== KEYWORK_TASK_KEY);
}

/** The entry a task was planned from: an alternative (`<KEY>_ALTERNATIVE`) shares its task's entry. */
export function catalogueEntryFor(catalogue: CatalogueEntry[], task: { templateKey: string }): CatalogueEntry {
  const entry = catalogue.find((e) => e.key === task.templateKey.replace(/_ALTERNATIVE$/, ''));
  if (!entry) throw new Error(`Task ${task.templateKey} matches no catalogue entry`);
  return entry;
}

/** The deadline the served catalogue gives from these anchors: the oracle a planned task is checked against. */
export function catalogueDeadline(entry: CatalogueEntry, anchors: DeadlineAnchors): TaskDeadline | null {
  return computeDeadline(
    {
      anchor: entry.deadlineAnchor as DeadlineAnchor,
      offset: entry.deadlineOffset,
      unit: entry.deadlineUnit as OffsetUnit,
    },
    entry.atRiskLeadWorkingDays,
    anchors,
  );
}

/** An IMMEDIATE_NEEDS assessment marking these pathways SUPPORT_REQUIRED, which plans their tasks. */
export async function recordNeeds(
  api: ApiClient,
  womanId: string,
  pathways: string[],
  assessedAt: Date = new Date(Date.now() - 60_000),
): Promise<RecordedChange> {
  const response = await api.post<RecordedChange>(`/women/${womanId}/assessments`, {
    kind: 'IMMEDIATE_NEEDS',
    method: 'FACE_TO_FACE',
    assessedAt: assessedAt.toISOString(),
    outcomes: pathways.map((pathway) => ({ pathway, status: 'SUPPORT_REQUIRED' })),
  });
  if (response.status !== 201) {
    throw new Error(`Recording needs failed with ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response.body;
}

/** A fresh woman (at Styal unless told) with FINANCE_AND_ID needs, recorded by a pre-release team user: her task. */
export async function createPrtTask(
  baseUrl: string,
  prt: SignedInUser,
  woman: Parameters<typeof createWoman>[2] = {},
): Promise<TaskView> {
  const created = await createWoman(baseUrl, prt.token, woman);
  const { tasksCreated } = await recordNeeds(prt.api, created.id, ['FINANCE_AND_ID']);
  const task = tasksCreated.find((t) => t.ownerRole === Role.PRE_RELEASE_TEAM);
  if (!task) throw new Error('FINANCE_AND_ID planned no task for the pre-release team');
  return task;
}
