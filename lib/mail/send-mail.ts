import "server-only";
import type { Transporter } from "nodemailer";
import { prisma } from "@/lib/db/client";
import { loadEnv } from "@/lib/env";
import { createMailTransport } from "@/lib/mail/create-transport";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
  messageId?: string;
}

let transporter: Transporter | undefined;

/**
 * Sends `mail` from EMAIL_FROM through SMTP_URL; without SMTP_URL (the two-command demo) nothing leaves
 * the machine: it is printed to the server log and kept for the development mailbox.
 */
export async function sendMail(mail: OutgoingMail): Promise<void> {
  const env = loadEnv();
  transporter ??= createMailTransport(env.SMTP_URL, prisma);
  await transporter.sendMail({ from: env.EMAIL_FROM, ...mail });
}
