/**
 * What readers and API clients get while the database is stalled or gone: a calm sentence and a 503 with
 * `Retry-After`, never a stack or "Something went wrong". Free of server imports, so the error boundaries
 * (client components) can share the digest and the words.
 */

/** The `digest` a database-outage error carries into an error boundary (Next.js keeps a preset digest). */
export const UNAVAILABLE_DIGEST = "DAILY_PAPERS_DATABASE_UNAVAILABLE";

export const UNAVAILABLE_TITLE = "Daily Papers is catching its breath";
export const UNAVAILABLE_TEXT =
  "We can’t reach our database right now. Nothing is lost; this page will work again in a moment.";
/** What a failed action tells the reader (an `ActionResult` message). */
export const UNAVAILABLE_ACTION_MESSAGE = "Daily Papers is briefly unavailable; try again in a moment.";

/** Seconds a client should wait before trying again: the probe clears an outage within a second. */
export const RETRY_AFTER_SECONDS = 5;

const UNAVAILABLE_HEADERS = {
  "Retry-After": String(RETRY_AFTER_SECONDS),
  "Cache-Control": "no-store",
} as const;

/** The 503 HTML page for browsers: self-contained (inline styles, no scripts), light and dark. */
export function unavailablePage(): Response {
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS}">
<title>${UNAVAILABLE_TITLE} · Daily Papers</title>
<style>
  :root { color-scheme: light dark; }
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; padding: 24px; box-sizing: border-box;
    font-family: ui-sans-serif, system-ui, sans-serif; background: #fff; color: #18181b; }
  main { max-width: 32rem; text-align: center; }
  h1 { font-size: 1.5rem; font-weight: 600; margin: 0; }
  p { margin: .5rem 0 0; color: #52525b; line-height: 1.5; }
  a { display: inline-block; margin-top: 1.5rem; padding: .5rem 1rem; border-radius: .375rem; background: #18181b;
    color: #fff; text-decoration: none; font-size: .875rem; }
  @media (prefers-color-scheme: dark) {
    body { background: #09090b; color: #f4f4f5; } p { color: #a1a1aa; } a { background: #f4f4f5; color: #18181b; }
  }
</style>
</head>
<body>
<main role="alert">
<h1>${UNAVAILABLE_TITLE}</h1>
<p>${UNAVAILABLE_TEXT}</p>
<a href="">Try again</a>
</main>
</body>
</html>
`;
  return new Response(html, {
    status: 503,
    headers: {
      ...UNAVAILABLE_HEADERS,
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    },
  });
}

/** The 503 JSON answer for the API: `{ error }`, like its other errors. */
export function unavailableJson(): Response {
  return Response.json(
    { error: `${UNAVAILABLE_TITLE}: the database is unavailable; retry in ${RETRY_AFTER_SECONDS} s.` },
    { status: 503, headers: { ...UNAVAILABLE_HEADERS, "Access-Control-Allow-Origin": "*" } },
  );
}

/** The 503 for the MCP server (`/mcp`): a JSON-RPC error, which is what its clients read. */
export function unavailableJsonRpc(): Response {
  const message = `${UNAVAILABLE_TITLE}: the database is unavailable; retry in ${RETRY_AFTER_SECONDS} s.`;
  return Response.json(
    { jsonrpc: "2.0", error: { code: -32000, message }, id: null },
    { status: 503, headers: UNAVAILABLE_HEADERS },
  );
}

/** The 503 plain-text answer for machine routes that are neither HTML nor JSON (feeds). */
export function unavailableText(): Response {
  return new Response(`${UNAVAILABLE_TITLE}: the database is unavailable; retry in ${RETRY_AFTER_SECONDS} s.\n`, {
    status: 503,
    headers: { ...UNAVAILABLE_HEADERS, "Content-Type": "text/plain; charset=utf-8" },
  });
}
