import "server-only";
import { NextRequest } from "next/server";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { captureAuthErrors, singleSignOnErrorPath } from "@/lib/auth/sign-in-failures";
import { allowSignInEmail, signInEmailSchema } from "@/lib/auth/sign-in-limits";
import { checkSignInAddress } from "@/lib/auth/sign-in-policy";

type RouteHandler = (request: NextRequest) => Promise<Response>;

const CALLBACK_COOKIES = ["authjs.callback-url", "__Secure-authjs.callback-url"];

/**
 * Wraps Auth.js's route handlers (`/api/auth/*`) with what Auth.js does not do itself:
 * - the sign-in mail limits, the app's address check and who may sign in (lib/auth/sign-in-policy.ts) on
 *   `POST /api/auth/signin/nodemailer`, which otherwise bypasses the sign-in page's server action: a refused
 *   address is sent back to the sign-in page before Auth.js is asked, so no mail can go out;
 * - a single sign-on that fails lands on the sign-in page with its reason (lib/auth/sign-in-failures.ts),
 *   where Auth.js said "Configuration" for a provider that is down, a wrong audience or an expired token;
 * - a `callbackUrl` (query or cookie) that is not a same-origin path is replaced by one, where Auth.js
 *   answered a 500 for anything but a path or an absolute URL;
 * - its error page gets only error names, where `?error=%01` made it throw.
 */
export function guardAuthRoute(handler: RouteHandler): RouteHandler {
  return async (request) => {
    const { pathname, searchParams } = request.nextUrl;
    if (request.method === "GET" && pathname.endsWith("/api/auth/error")) {
      return redirectTo(request, `/signin?error=${errorName(searchParams.get("error"))}`);
    }
    const guarded = withSafeCallbackUrl(request);
    if (request.method === "POST" && pathname.endsWith("/api/auth/signin/nodemailer")) {
      const refusal = await refuseSignInEmail(guarded);
      if (refusal) return refusal;
    }
    if (/\/api\/auth\/(signin|callback)\/oidc$/.test(pathname)) return singleSignOn(guarded, handler);
    return handler(guarded);
  };
}

/** Auth.js's answer to a single sign-on step, with a failure sent to the sign-in page with its reason. */
async function singleSignOn(request: NextRequest, handler: RouteHandler): Promise<Response> {
  const { result: response, error } = await captureAuthErrors(() => handler(request));
  const json = request.headers.has("x-auth-return-redirect");
  const location = json ? await redirectUrlIn(response) : response.headers.get("location");
  // The provider's own refusal comes as `?error=` on our callback.
  const landing = singleSignOnErrorPath(location, error, request.nextUrl.searchParams.get("error"));
  if (!landing) return response;
  // Auth.js's cookies still apply: the used state, nonce and PKCE cookies are cleared by them.
  const redirect = redirectTo(request, landing);
  for (const cookie of response.headers.getSetCookie()) redirect.headers.append("set-cookie", cookie);
  return redirect;
}

/** The `url` of Auth.js's JSON form of a redirect, or null. */
async function redirectUrlIn(response: Response): Promise<string | null> {
  try {
    const body: unknown = await response.clone().json();
    const url = typeof body === "object" && body !== null ? (body as { url?: unknown }).url : undefined;
    return typeof url === "string" ? url : null;
  } catch {
    return null;
  }
}

/** An Auth.js error name ("Verification"), or "Default" for anything else. */
function errorName(raw: string | null): string {
  return raw && /^[A-Za-z]{1,40}$/.test(raw) ? raw : "Default";
}

/** `request` with its callbackUrl query parameter and cookie made safe same-origin paths. */
function withSafeCallbackUrl(request: NextRequest): NextRequest {
  const url = request.nextUrl.clone();
  const headers = new Headers(request.headers);
  let changed = false;
  const callbackUrl = url.searchParams.get("callbackUrl");
  if (callbackUrl !== null && !isSafeCallback(callbackUrl, url.origin)) {
    url.searchParams.set("callbackUrl", safeRedirectPath(sameOriginPath(callbackUrl, url.origin)));
    changed = true;
  }
  for (const name of CALLBACK_COOKIES) {
    const value = request.cookies.get(name)?.value;
    if (value === undefined || isSafeCallback(value, url.origin)) continue;
    // Auth.js falls back to the home page without it.
    headers.set("cookie", withoutCookie(headers.get("cookie") ?? "", name));
    changed = true;
  }
  if (!changed) return request;
  return new NextRequest(url, {
    method: request.method,
    headers,
    body: request.body,
    duplex: "half",
  } as ConstructorParameters<typeof NextRequest>[1]);
}

/** Whether `value` is a same-origin path (or absolute URL on `origin`) that needs no normalising. */
function isSafeCallback(value: string, origin: string): boolean {
  const path = sameOriginPath(value, origin);
  return path.startsWith("/") && safeRedirectPath(path) === path;
}

/** `value` as a path when it is one, or an absolute URL on `origin`; else itself (refused later). */
function sameOriginPath(value: string, origin: string): string {
  if (value.startsWith("/")) return value;
  try {
    const url = new URL(value);
    return url.origin === origin ? `${url.pathname}${url.search}${url.hash}` : value;
  } catch {
    return value;
  }
}

function withoutCookie(header: string, name: string): string {
  return header
    .split(";")
    .filter((part) => part.split("=")[0]?.trim() !== name)
    .join(";");
}

/**
 * A refusal of a sign-in post, or null to go on: a 400 for a post with more than one `email` field, a
 * redirect to the sign-in page with an error (or Auth.js's JSON form of one) for a bad or limited address.
 */
async function refuseSignInEmail(request: NextRequest): Promise<Response | null> {
  const field = await emailOf(request.clone());
  if (field === DUPLICATE) {
    // `email=decoy@…&email=victim@…`: the limit counted the first while Auth.js mailed the last (issue 20).
    return Response.json({ error: "Send one email address." }, { status: 400 });
  }
  const email = signInEmailSchema.safeParse(field);
  if (!email.success) return redirectTo(request, "/signin?error=EmailInvalid");
  const allowance = await allowSignInEmail(email.data, request.headers);
  if (!allowance.allowed) return redirectTo(request, "/signin?error=EmailLimit");
  const verdict = await checkSignInAddress(email.data);
  if (!verdict.allowed) return redirectTo(request, "/signin?error=NotAllowed");
  return null;
}

const DUPLICATE = Symbol("more than one email field");

/**
 * The `email` field of a sign-in post, read the way Auth.js reads it (JSON or a form), or DUPLICATE when a
 * form has it more than once (Auth.js takes the last one, `get` the first).
 */
async function emailOf(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  try {
    if (type.includes("application/json")) {
      const body: unknown = await request.json();
      return typeof body === "object" && body !== null ? (body as Record<string, unknown>).email : undefined;
    }
    if (type.includes("application/x-www-form-urlencoded")) {
      const emails = new URLSearchParams(await request.text()).getAll("email");
      return emails.length > 1 ? DUPLICATE : emails[0];
    }
  } catch {
    // An unreadable body has no address.
  }
  return undefined;
}

/**
 * Auth.js's way of answering: a 302, or `{ url }` for its client (`X-Auth-Return-Redirect`). The target
 * stays relative, so no forwarded host or scheme header can turn it into another site.
 */
function redirectTo(request: NextRequest, path: string): Response {
  if (request.headers.has("x-auth-return-redirect")) return Response.json({ url: path });
  return new Response(null, { status: 302, headers: { Location: path } });
}
