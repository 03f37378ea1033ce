import fs from "node:fs";
import path from "node:path";
import { SMTPServer } from "smtp-server";

export interface SmtpSink {
  port: number;
  url: string;
  stop(): Promise<void>;
}

/**
 * A real SMTP server on loopback that accepts every message and writes it, raw, to
 * `<dir>/<time>-<recipient>.eml`, so tests read what a mail server would have received.
 */
export async function startSmtpSink(dir: string, port = 0): Promise<SmtpSink> {
  fs.mkdirSync(dir, { recursive: true });
  let sequence = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const recipients = session.envelope.rcptTo.map((r) => r.address).join(",");
        const name = `${Date.now()}-${String(sequence++).padStart(4, "0")}-${recipients.replace(/[^a-zA-Z0-9@.,_-]/g, "_")}.eml`;
        fs.writeFileSync(path.join(dir, name), Buffer.concat(chunks));
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  return {
    port: actualPort,
    url: `smtp://127.0.0.1:${actualPort}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
