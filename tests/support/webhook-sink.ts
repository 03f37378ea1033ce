import http from "node:http";
import type { AddressInfo, Socket } from "node:net";

/**
 * A real HTTP server on 127.0.0.1 standing in for a team chat's incoming webhooks: every path is a webhook; what it
 * answers is scripted per path (200 by default, or a queue of answers: a status with headers and body, or a hang
 * that never answers), and every request is logged with its parsed JSON body. Used by lib/chat's tests and the
 * admin's end-to-end spec.
 */

export type SinkAnswer =
  { status: number; headers?: Record<string, string>; body?: string; delayMs?: number } | { hang: true };

export interface SinkRequest {
  path: string;
  time: number;
  body: unknown;
}

export interface WebhookSink {
  /** "http://127.0.0.1:<port>" */
  origin: string;
  requests: SinkRequest[];
  /** The requests that reached `path`. */
  to(path: string): SinkRequest[];
  /** The next answers for `path`, in order; after them, 200. */
  script(path: string, answers: SinkAnswer[]): void;
  close(): Promise<void>;
}

export async function startWebhookSink(): Promise<WebhookSink> {
  const requests: SinkRequest[] = [];
  const scripts = new Map<string, SinkAnswer[]>();
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const path = req.url ?? "/";
      const text = Buffer.concat(chunks).toString("utf8");
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // Logged as text.
      }
      requests.push({ path, time: Date.now(), body });
      const answer = scripts.get(path)?.shift() ?? { status: 200, body: "ok" };
      if ("hang" in answer) return;
      setTimeout(() => {
        res.writeHead(answer.status, { "content-type": "text/plain", ...answer.headers });
        res.end(answer.body ?? "");
      }, answer.delayMs ?? 0);
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    to: (path) => requests.filter((request) => request.path === path),
    script: (path, answers) => scripts.set(path, [...answers]),
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
