import "server-only";

/**
 * How the route handlers answer in JSON: the public API's bodies and its `{ error }` sentences. The public
 * API is read-only, so any site may call it and its answers (refusals included) may be cached for a minute.
 */

/** Headers of every answer of the public JSON API. */
const PUBLIC_API_HEADERS = {
  "Cache-Control": "public, max-age=60",
  "Access-Control-Allow-Origin": "*",
} as const;

/** `{ error }` with a sentence meant for the caller: the one shape in which every JSON route says no. */
export function jsonError(status: number, message: string, headers?: HeadersInit): Response {
  return Response.json({ error: message }, { status, headers });
}

/** A JSON answer of the public API. */
export function apiJson(body: unknown): Response {
  return Response.json(body, { headers: PUBLIC_API_HEADERS });
}

/** A refusal of the public API (a malformed request, an unknown paper). */
export function apiError(status: 400 | 404, message: string): Response {
  return jsonError(status, message, PUBLIC_API_HEADERS);
}
