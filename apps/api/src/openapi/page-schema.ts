/**
 * A page of any list, named so the schema generator can read Page's shape (it skips generic declarations);
 * the post-processor narrows `items` to each operation's own item type.
 */
import type { Page } from '../common/pagination.dto';

export type AnyPage = Page<unknown>;
