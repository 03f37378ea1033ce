import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * The nodemailer transport for SMTP_URL (pooled: a digest run reuses a few connections), or, without one,
 * a transport that sends nothing: it prints each message to the log and keeps it in the database for the
 * development mailbox (/dev/mail).
 */
export function createMailTransport(smtpUrl: string | undefined, prisma: PrismaClient): Transporter {
  if (smtpUrl) {
    const url = new URL(smtpUrl);
    url.searchParams.set("pool", "true");
    if (!url.searchParams.has("maxConnections")) url.searchParams.set("maxConnections", "4");
    return nodemailer.createTransport(url.toString());
  }
  return nodemailer.createTransport({
    name: "development-mailbox",
    version: "1",
    send(mail, callback) {
      const { to, subject, text } = mail.data;
      const recipient = Array.isArray(to) ? to.map(String).join(", ") : String(to ?? "");
      const body = typeof text === "string" ? text : String(text ?? "");
      console.log(`[mail] (no SMTP_URL: not sent) To: ${recipient} · ${subject}\n${body}\n`);
      prisma.outboxMessage
        .create({ data: { to: recipient, subject: String(subject ?? ""), text: body } })
        .then(() =>
          callback(null, {
            envelope: mail.message.getEnvelope(),
            messageId: mail.message.messageId(),
            accepted: [recipient],
            rejected: [],
            pending: [],
            response: "250 kept in the development mailbox",
          }),
        )
        .catch((error: Error) => callback(error, undefined as never));
    },
  });
}
