import { randomUUID } from "node:crypto";
import { expect, signInAsAdmin, test } from "./support/users";
import { query } from "./support/db";
import { startWebhookSink, type WebhookSink } from "../tests/support/webhook-sink";

// One admin address (ADMIN_EMAILS in playwright.config.ts), shared with the admin spec; desktop only, like it.
test.describe.configure({ mode: "serial", timeout: 60_000 });

let sink: WebhookSink;
const name = `Lab chat ${randomUUID().slice(0, 6)}`;

test.beforeAll(async () => {
  sink = await startWebhookSink();
});

test.afterAll(async () => {
  await query(`delete from "ChatWebhook" where name = $1`, [name]);
  await sink.close();
});

test("an admin adds a team chat webhook: refused on loopback, accepted when allowed, masked, and a test post arrives", async ({
  page,
  context,
  baseURL,
}, testInfo) => {
  const secret = `secret-${randomUUID()}`;
  const path = `/hook/${secret}`;
  await signInAsAdmin(context, baseURL!);
  await page.goto("/admin#team-chat");
  const section = page.getByRole("region", { name: "Team chat" });
  const form = section.getByRole("form", { name: "Add a team chat webhook" });

  const fill = async () => {
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("Chat", { exact: true }).selectOption({ label: "Plain JSON" });
    await form.getByLabel("Top papers a day").fill("3");
    await form.getByLabel("Incoming webhook URL").fill(`${sink.origin}${path}`);
  };

  await fill();
  await form.getByRole("button", { name: "Add webhook" }).click();
  await expect(form.getByRole("status")).toHaveText(
    "That webhook's host is a loopback address (127.0.0.1): posting there needs “Allow private and loopback addresses”.",
  );
  await expect(section.getByRole("listitem", { name })).toHaveCount(0);

  await fill();
  await form.getByLabel("Allow private and loopback addresses").check();
  await form.getByRole("button", { name: "Add webhook" }).click();
  await expect(form.getByRole("status")).toHaveText(`Added “${name}”: it gets the day's top papers from tomorrow.`);
  const row = section.getByRole("listitem", { name });
  await expect(row).toContainText(`${sink.origin}/…/••••${secret.slice(-4)}`);
  await expect(row).toContainText("Plain JSON · top 3 daily · private addresses allowed");
  await expect(row).toContainText("Last successNone yet");
  expect(await page.content()).not.toContain(secret);

  await row.getByRole("button", { name: `Send a test post to ${name}` }).click();
  await expect(row.getByRole("form", { name: `Send a test post to ${name}` }).getByRole("status")).toHaveText(
    `Sent a test post to “${name}”.`,
  );
  await expect.poll(() => sink.to(path).length).toBe(1);
  expect(sink.to(path)[0]!.body).toMatchObject({ event: "test", papers: [] });
  await expect(section.getByRole("listitem", { name })).not.toContainText("None yet");
  await page.screenshot({ path: testInfo.outputPath("team-chat.png"), fullPage: true });

  const [audit] = await query<{ details: string }>(
    `select string_agg(coalesce(detail, ''), ' | ') as details from "AdminAction" where action like '%chat-webhook'`,
  );
  expect(audit?.details).toContain(name);
  expect(audit?.details).not.toContain(secret);

  await row.getByRole("button", { name: `Delete ${name}` }).click();
  await expect(section.getByRole("listitem", { name })).toHaveCount(0);
});
