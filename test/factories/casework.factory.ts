/** Casework steps the suites share: recording needs (which plans tasks) and reading the catalogue. */
import type { RecordedChange } from '../../apps/api/src/assessments/assessments.service';
import { ApiClient } from '../setup/api-client';

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
