import { EntityManager } from 'typeorm';

/** An open transaction, handed to repository methods that write. */
export type Tx = EntityManager;
