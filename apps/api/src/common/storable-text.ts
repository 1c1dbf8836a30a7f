/**
 * Text PostgreSQL cannot store, and values too deep to walk. A NUL (U+0000) is refused in every text value
 * ("invalid byte sequence for encoding UTF8: 0x00") and jsonb value ("unsupported Unicode escape sequence"); half
 * of a UTF-16 surrogate pair has no UTF-8 form (a text column would silently hold U+FFFD instead; jsonb refuses
 * it as invalid JSON). Either would reach the database as a 500 after the handler had started writing; this
 * finds them first, anywhere in a body, query or path parameter, field names included, and names each by its
 * path the way validation errors do (rows.0.fromTown).
 * See https://www.postgresql.org/docs/current/datatype-character.html and
 * https://www.postgresql.org/docs/current/datatype-json.html.
 */

export interface UnstorableText {
  /** Where it is: a dotted path (rows.0.fromTown), or '' for the value itself. */
  field: string;
  /** What is wrong, to follow the field's name: "must not contain a NUL character (\u0000)". */
  problem: string;
}

// A high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function problemWith(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain a NUL character (\\u0000)';
  if (LONE_SURROGATE.test(text)) return 'must be well-formed Unicode (it holds half of a surrogate pair)';
  return null;
}

/**
 * Deeper than any DTO nests (a referral's pathways' outcomes are three levels). A body of a hundred kilobytes can
 * nest tens of thousands of arrays, which would overflow the stack of every recursive walk after this one.
 */
export const MAX_DEPTH = 16;

function join(parent: string, key: string | number): string {
  return parent === '' ? String(key) : `${parent}.${key}`;
}

/**
 * Every string in the value (keys included) that PostgreSQL could not store, with its path; and the place where
 * the value nests too deeply to walk, if it does.
 */
export function findUnstorableText(value: unknown, path = '', depth = 0): UnstorableText[] {
  if (depth > MAX_DEPTH) return [{ field: path, problem: `is nested more than ${MAX_DEPTH} levels deep` }];
  if (typeof value === 'string') {
    const problem = problemWith(value);
    return problem ? [{ field: path, problem }] : [];
  }
  if (Array.isArray(value))
    return value.flatMap((item, index) => findUnstorableText(item, join(path, index), depth + 1));
  if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value)) {
    return Object.entries(value).flatMap(([key, item]) => {
      const problem = problemWith(key);
      const own = problem ? [{ field: join(path, key), problem: `is a field name that ${problem}` }] : [];
      return [...own, ...findUnstorableText(item, join(path, key), depth + 1)];
    });
  }
  return [];
}
