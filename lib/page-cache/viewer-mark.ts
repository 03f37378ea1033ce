import "server-only";

/**
 * A stored page marked for a member. Pages are rendered for the cache without cookies, so their root says
 * `<html … data-viewer="guest">` (app/layout.tsx); a request with a session cookie gets the same page with
 * `data-viewer="member"`, which tells the browser to ask for the reader's own part (GET /api/viewer) and
 * which placeholders to show meanwhile. Only the root element's attribute changes: it is searched for
 * within the page's first bytes, never in the content.
 */
const GUEST_MARK = Buffer.from('data-viewer="guest"');
const MEMBER_MARK = Buffer.from('data-viewer="member"');
/** The root element comes right after the doctype; anything later is content, never touched. */
const SEARCHED_BYTES = 256;

/** `body` with its root's mark turned to a member's, or null when it carries no mark (JSON, a feed). */
export function markedForMember(body: Buffer): Buffer | null {
  const at = body.subarray(0, SEARCHED_BYTES).indexOf(GUEST_MARK);
  if (at === -1) return null;
  return Buffer.concat([body.subarray(0, at), MEMBER_MARK, body.subarray(at + GUEST_MARK.length)]);
}
