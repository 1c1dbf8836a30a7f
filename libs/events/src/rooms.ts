/** Socket.io room names: one naming scheme for every emitter and every join. */
export const rooms = {
  prison: (code: string): string => `prison:${code}`,
  provider: (id: string): string => `provider:${id}`,
  user: (id: string): string => `user:${id}`,
  woman: (id: string): string => `woman:${id}`,
};
