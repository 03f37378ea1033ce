import { appUrl } from "@/lib/env";
import { unsubscribeByToken } from "@/lib/settings/mutations";
import { unsubscribeTokenSchema } from "@/lib/settings/schema";

type Context = { params: Promise<{ token: string }> };

/**
 * The `List-Unsubscribe` address of every digest. POST is RFC 8058 one-click unsubscribe (mail clients
 * send `List-Unsubscribe=One-Click`); GET, a person following the link, goes to the confirm page.
 */
export async function POST(_request: Request, { params }: Context) {
  const token = unsubscribeTokenSchema.safeParse((await params).token);
  if (!token.success || !(await unsubscribeByToken(token.data))) {
    return new Response("This unsubscribe link is not valid.\n", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  return new Response("You are unsubscribed from Daily Papers digests.\n", {
    status: 200,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}

export async function GET(_request: Request, { params }: Context) {
  const { token } = await params;
  // Built on the site's one origin, never on the request's Host (issue 20, item 1).
  return Response.redirect(`${appUrl()}/unsubscribe/${encodeURIComponent(token)}`, 303);
}
