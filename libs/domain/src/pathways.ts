/** The list of resettlement pathways (the enums themselves are the contract, @app/contracts). */
import { Pathway } from '@app/contracts';
export { Pathway, PathwayStatus } from '@app/contracts';

export const PATHWAYS: readonly Pathway[] = Object.values(Pathway);
