/**
 * Limits that client components show or enforce (a search field's maxLength). Kept apart from schema.ts,
 * whose zod schemas would put zod (30 KB gzipped) into every page's JavaScript with the header's search box.
 */

/** The longest search query taken, in characters. */
export const MAX_QUERY_LENGTH = 250;
