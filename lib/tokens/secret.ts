import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { TOKEN_PREFIX } from "@/lib/tokens/schema";

/** A new secret: the prefix and 32 random bytes in base64url. Shown to its member once, never stored. */
export function newTokenSecret(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
}

/**
 * What is stored of a secret, and looked up by: its SHA-256 in hex. A fast hash is enough: the secret is 256
 * random bits, so there is nothing to guess that a slow hash would slow down.
 */
export function hashTokenSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}
