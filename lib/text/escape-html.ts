const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * `text` made safe to put in HTML, in element content and in quoted attribute values alike: the one
 * escaping helper for HTML we assemble as strings (emails, math we could not render). Universal.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}
