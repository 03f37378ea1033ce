/**
 * A webhook URL as it may be shown: the origin and the last four characters of the rest
 * (`https://hooks.slack.com/…/••••abcd`), enough to tell two webhooks apart, too little to post with. Credentials
 * in the URL are never shown. Universal.
 */
export function maskWebhookUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "••••";
  }
  const rest = `${url.pathname}${url.search}`;
  return rest.length >= 12 ? `${url.origin}/…/••••${rest.slice(-4)}` : `${url.origin}/…`;
}
