import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { prisma } from "@/lib/db";
import { loadEnv } from "@/lib/env";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
  messageId?: string;
}

let transporter: Transporter | undefined;

function smtp(url: string): Transporter {
  transporter ??= nodemailer.createTransport(url);
  return transporter;
}

/**
 * Sends `mail` through SMTP_URL. Without SMTP_URL (the two-command demo) nothing leaves the machine: the
 * message is printed to the server log and kept for the development mailbox (/dev/mail).
 */
export async function sendMail(mail: OutgoingMail): Promise<void> {
  const env = loadEnv();
  if (env.SMTP_URL) {
    await smtp(env.SMTP_URL).sendMail({ from: env.EMAIL_FROM, ...mail });
    return;
  }
  console.log(`[mail] (no SMTP_URL: not sent) To: ${mail.to} · ${mail.subject}\n${mail.text}\n`);
  await prisma.outboxMessage.create({ data: { to: mail.to, subject: mail.subject, text: mail.text } });
}
