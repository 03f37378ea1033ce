import "server-only";
import { jsonError } from "@/lib/api/responses";
import { isDatabaseDown, isDatabaseOutage } from "@/lib/db/health";
import { unavailableJson, unavailableText } from "@/lib/db/unavailable";

interface Answers {
  unavailable: () => Response;
  internal: () => Response;
}

const NO_STORE = { "Cache-Control": "no-store", "Access-Control-Allow-Origin": "*" } as const;

const INTERNAL_ERROR = "The server could not answer this request; try again later.";

const JSON_ANSWERS: Answers = {
  unavailable: unavailableJson,
  internal: () => jsonError(500, INTERNAL_ERROR, NO_STORE),
};

const TEXT_ANSWERS: Answers = {
  unavailable: unavailableText,
  internal: () =>
    new Response(`${INTERNAL_ERROR}\n`, {
      status: 500,
      headers: { ...NO_STORE, "Content-Type": "text/plain; charset=utf-8" },
    }),
};

async function answer(route: string, work: () => Promise<Response>, answers: Answers): Promise<Response> {
  // The proxy does not run for machine routes: check here, so a stalled database costs nothing to ask.
  if (isDatabaseDown()) return answers.unavailable();
  try {
    return await work();
  } catch (error) {
    // The outage was logged once by lib/db/health.ts when it began; a bug is logged here, with the route.
    if (isDatabaseOutage(error)) return answers.unavailable();
    console.error(`${route} failed`, error);
    return answers.internal();
  }
}

/**
 * Runs a JSON route handler's work: `503 { error }` with `Retry-After` while the database is down (at once)
 * or when the work fails for want of it, a logged `500 { error }` for anything else — never an HTML page.
 */
export function answerJson(route: string, work: () => Promise<Response>): Promise<Response> {
  return answer(route, work, JSON_ANSWERS);
}

/** Like `answerJson`, for routes that answer XML or text (the feeds): the failures are plain text. */
export function answerText(route: string, work: () => Promise<Response>): Promise<Response> {
  return answer(route, work, TEXT_ANSWERS);
}
