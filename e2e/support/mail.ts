import { setTimeout as sleep } from "node:timers/promises";
import fs from "node:fs";
import path from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";

function mailDir(): string {
  const dir = process.env.E2E_MAIL_DIR;
  if (!dir) throw new Error("E2E_MAIL_DIR is unset: run the suite through `npm test`, which starts the SMTP sink.");
  return dir;
}

/** Waits for the SMTP sink to receive a message for `to` (the newest one) and parses it. */
export async function waitForMail(
  to: string,
  { subject, timeoutMs = 15_000 }: { subject?: RegExp; timeoutMs?: number } = {},
): Promise<ParsedMail> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const files = fs.existsSync(mailDir())
      ? fs
          .readdirSync(mailDir())
          .filter((f) => f.includes(to))
          .sort()
          .reverse()
      : [];
    for (const file of files) {
      const mail = await simpleParser(fs.readFileSync(path.join(mailDir(), file)));
      if (!subject || subject.test(mail.subject ?? "")) return mail;
    }
    await sleep(200);
  }
  throw new Error(`No mail for ${to} arrived within ${timeoutMs} ms`);
}

/** The first link in a mail's text part that starts with `prefix`. */
export function linkIn(mail: ParsedMail, prefix: string): string {
  const link = (mail.text ?? "").match(/https?:\/\/\S+/g)?.find((url) => url.startsWith(prefix));
  if (!link) throw new Error(`No ${prefix} link in mail “${mail.subject}”`);
  return link;
}

/** How many messages the SMTP sink has received for `to` so far. */
export function mailCount(to: string): number {
  return fs.existsSync(mailDir()) ? fs.readdirSync(mailDir()).filter((f) => f.includes(to)).length : 0;
}
