/**
 * Socket.io room names: one naming scheme for every emitter, every join and every client. Which rooms may carry
 * an event, and who may join one, is decided by the visibility policy (@app/domain, @app/events), not here.
 */
import { Role } from './roles';

export const rooms = {
  /** The live board of a prison, for the roles that work it. */
  prison: (code: string): string => `prison:${code}`,
  /** The same board for governors: no special category pathways. */
  prisonOversight: (code: string): string => `prison:${code}:oversight`,
  provider: (id: string): string => `provider:${id}`,
  user: (id: string): string => `user:${id}`,
  woman: (id: string): string => `woman:${id}`,
  team: (role: Role, teamKey: string): string => `team:${role}:${teamKey}`,
  managers: (role: Role, teamKey: string): string => `managers:${role}:${teamKey}`,
};
