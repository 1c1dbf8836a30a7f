/**
 * The fields a PATCH body actually sent. Validated DTOs may carry declared-but-absent keys as undefined;
 * copying those onto a record would blank every field the caller did not mention.
 */
export function sentFields<T extends object>(body: T): Partial<T> {
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined)) as Partial<T>;
}
