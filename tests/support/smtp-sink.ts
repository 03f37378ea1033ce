import fs from "node:fs";
import path from "node:path";
import type { Socket } from "node:net";
import { SMTPServer } from "smtp-server";

/** What the sink does with the n-th message (0-based, counted over the sink's life) for `recipient`. */
export type SinkReply = "accept" | "drop" | { code: number; message: string };

export interface SmtpSinkOptions {
  /** Decides each message's fate; default: accept everything. */
  reply?: (index: number, recipient: string) => SinkReply;
}

export interface SmtpSink {
  port: number;
  url: string;
  /** Accepted messages' recipients, in order. */
  delivered: string[];
  /** Accepted messages per recipient. */
  countFor(recipient: string): number;
  setReply(reply: SmtpSinkOptions["reply"]): void;
  stop(): Promise<void>;
}

/**
 * A real SMTP server on loopback. It writes every accepted message, raw, to
 * `<dir>/<time>-<seq>-<recipient>.eml` (when `dir` is given) and can be told to answer 4xx/5xx or to drop
 * the connection, so tests see what a mail server would have received.
 */
export async function startSmtpSink(dir?: string, options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  if (dir) fs.mkdirSync(dir, { recursive: true });
  let reply = options.reply ?? (() => "accept" as const);
  let index = 0;
  const delivered: string[] = [];
  const server: SMTPServer = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const recipients = session.envelope.rcptTo.map((r) => r.address).join(",");
        const fate = reply(index++, recipients);
        if (fate === "drop") {
          // Hang up on every client, as a crashing or overloaded server would.
          const connections = (server as unknown as { connections: Set<{ _socket: Socket }> }).connections;
          for (const connection of connections) connection._socket.destroy();
          return;
        }
        if (fate !== "accept") {
          const error = Object.assign(new Error(fate.message), { responseCode: fate.code });
          callback(error);
          return;
        }
        delivered.push(recipients);
        if (dir) {
          const name = `${Date.now()}-${String(delivered.length).padStart(5, "0")}-${recipients.replace(/[^a-zA-Z0-9@.,_-]/g, "_")}.eml`;
          fs.writeFileSync(path.join(dir, name), Buffer.concat(chunks));
        }
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  // A client that vanishes mid-message (a digest run killed on purpose) resets its connection: that is
  // the client's failure, not the sink's, and must not crash the test process.
  server.on("error", () => {});
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    delivered,
    countFor: (recipient) => delivered.filter((r) => r === recipient).length,
    setReply(next) {
      reply = next ?? (() => "accept");
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
