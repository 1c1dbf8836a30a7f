/** Women created through POST /women, each with a unique prison number. */
import type { WomanView } from '@app/contracts';
import { ApiClient, ErrorBody } from '../setup/api-client';
import { daysFromToday } from './dates';
import { randomPrisonNumber, uniqueSuffix } from './unique';

export type WomanBody = Record<string, unknown>;

/** A valid body: a sentenced woman at Styal, released in about 20 weeks. */
export function womanBody(overrides: WomanBody = {}): WomanBody {
  return {
    prisonNumber: randomPrisonNumber(),
    firstName: 'Test',
    lastName: `Woman-${uniqueSuffix()}`,
    dateOfBirth: '1990-05-17',
    prisonCode: 'STI',
    custodyStatus: 'SENTENCED',
    sentenceStartDate: daysFromToday(-200),
    receptionDate: daysFromToday(-200),
    conditionalReleaseDate: daysFromToday(140),
    releaseType: 'LICENCE',
    releaseAreaCode: 'GREATER_MANCHESTER',
    complexity: 'MEDIUM',
    ...overrides,
  };
}

export async function createWoman(baseUrl: string, token: string, overrides: WomanBody = {}): Promise<WomanView> {
  const api = new ApiClient(baseUrl, token);
  for (let attempt = 0; attempt < 5; attempt++) {
    const response = await api.post<WomanView | ErrorBody>('/women', womanBody(overrides));
    if (response.status === 201) return response.body as WomanView;
    // A prison number another suite already used: draw again, unless the caller chose it.
    if (response.status === 409 && !('prisonNumber' in overrides)) continue;
    throw new Error(`POST /women failed with ${response.status}: ${JSON.stringify(response.body)}`);
  }
  throw new Error('POST /women kept colliding on prison numbers');
}
