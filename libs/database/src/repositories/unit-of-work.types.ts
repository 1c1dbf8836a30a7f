import { EntityManager } from 'typeorm';

/** An open transaction, handed to repository methods that write. */
export type Tx = EntityManager;

/** The isolation level of every unit of work: each connection's default, set when it connects (data-source.ts). */
export const UNIT_OF_WORK_ISOLATION = 'read committed';
