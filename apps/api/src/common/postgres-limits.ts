/**
 * PostgreSQL's integer (int4), the type of every version and count column: a larger number in a request would
 * fail in the database as a 500, so DTOs cap integers here. https://www.postgresql.org/docs/current/datatype-numeric.html
 */
export const POSTGRES_INT_MAX = 2_147_483_647;
export const POSTGRES_INT_MIN = -2_147_483_648;
