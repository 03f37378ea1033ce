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
          signIn: (context) => signInWithSession(context, baseURL!, id),
        };
      },
    });
    if (created.length) await query(`delete from "User" where id = any($1)`, [created]);
  },
});

/** The admin of the suite (ADMIN_EMAILS in playwright.config.ts), signed in to `context`. */
export async function signInAsAdmin(context: BrowserContext, baseURL: string): Promise<void> {
  const [row] = await query<{ id: string }>(
    `insert into "User" (id, email, "emailVerified", username, name, "updatedAt")
     values ('e2e_admin', 'admin@e2e.test', now(), 'e2e-admin', 'E2E Admin', now())
     on conflict (email) do update set "emailVerified" = now() returning id`,
  );
  await signInWithSession(context, baseURL, row!.id);
}

/** A database session for `userId`, its cookie set in `context`: the sign-in without the email round trip. */
async function signInWithSession(context: BrowserContext, baseURL: string, userId: string): Promise<void> {
  const token = randomBytes(32).toString("hex");
  await query(
    `insert into "Session" ("sessionToken", "userId", expires, "updatedAt") values ($1, $2, now() + interval '1 day', now())`,
    [token, userId],
  );
  await context.addCookies([
    { name: "authjs.session-token", value: token, url: baseURL, httpOnly: true, sameSite: "Lax" },
  ]);
}

export { expect } from "@playwright/test";
