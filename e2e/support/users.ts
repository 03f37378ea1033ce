import { randomBytes, randomUUID } from "node:crypto";
import { test as base, type BrowserContext } from "@playwright/test";
import { query } from "./db";

export interface TestUser {
  id: string;
  email: string;
  /** Signs `context` in as this user by creating a database session and setting its cookie. */
  signIn(context: BrowserContext): Promise<void>;
}

/**
 * `users.create()` makes a unique user for the test and deletes it (and so its votes, sessions and
 * preferences) afterwards; `signIn` skips the email round trip that only the sign-in spec walks.
 */
export const test = base.extend<{ users: { create(): Promise<TestUser> } }>({
  users: async ({ baseURL }, use) => {
    const created: string[] = [];
    await use({
      async create() {
        const id = `e2e_${randomUUID()}`;
        const email = `${id}@example.test`;
        await query(
          `insert into "User" (id, email, "emailVerified", username, name, "updatedAt") values ($1, $2, now(), $3, $4, now())`,
          [id, email, id.replace(/_/g, "-").toLowerCase(), "E2E Reader"],
        );
        created.push(id);
        return {
          id,
          email,
          async signIn(context) {
            const token = randomBytes(32).toString("hex");
            await query(
              `insert into "Session" ("sessionToken", "userId", expires, "updatedAt") values ($1, $2, now() + interval '1 day', now())`,
              [token, id],
            );
            await context.addCookies([
              { name: "authjs.session-token", value: token, url: baseURL!, httpOnly: true, sameSite: "Lax" },
            ]);
          },
        };
      },
    });
    if (created.length) await query(`delete from "User" where id = any($1)`, [created]);
  },
});

export { expect } from "@playwright/test";
