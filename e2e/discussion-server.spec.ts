import { randomBytes } from "node:crypto";
import { query } from "./support/db";
import { commentRow, deleteNewPapers, newPaper } from "./support/discussion";
import { expect, signInAsAdmin, test } from "./support/users";

// What the server decides about a discussion (who may delete, how fast one may post, the JSON API, the
// profile's list) does not depend on the device: desktop runs it once (playwright.config.ts).

test.afterAll(deleteNewPapers);

test("members cannot touch others' comments; an admin deletes any, recorded", async ({
  browser,
  page,
  context,
  users,
  baseURL,
}) => {
  const author = await users.create();
  const other = await users.create();
  const paper = await newPaper();
  const id = `c${randomBytes(8).toString("hex")}`;
  await query(`insert into "Comment" (id, "paperId", "userId", body) values ($1, $2, $3, 'Mine')`, [
    id,
    paper.id,
    author.id,
  ]);
  await other.signIn(context);
  await page.goto(`/papers/${paper.id}#discussion`);
  const comment = page.getByRole("article", { name: /^Comment by E2E Reader/ });
  await expect(comment.getByRole("button", { name: "Reply to E2E Reader" })).toBeVisible();
  await expect(comment.getByRole("button", { name: /^(Edit|Delete)$/ })).toHaveCount(0);

  const admin = await browser.newContext({ baseURL });
  try {
    await signInAsAdmin(admin, baseURL!);
    const adminPage = await admin.newPage();
    await adminPage.goto(`/papers/${paper.id}`);
    const adminView = adminPage.getByRole("article", { name: /^Comment by E2E Reader/ });
    await expect(adminView.getByRole("button", { name: "Edit" })).toHaveCount(0);
    await adminView.getByRole("button", { name: "Delete" }).click();
    await adminView.getByRole("group", { name: "Confirm deletion" }).getByRole("button", { name: "Delete" }).click();
    await expect(adminPage.getByText("Comment deleted.")).toBeVisible();
    const log = await query<{ action: string; detail: string }>(
      `select action, detail from "AdminAction" where "targetId" = $1`,
      [paper.id],
    );
    expect(log).toEqual([{ action: "delete-comment", detail: expect.stringContaining(`comment ${id} by @e2e-`) }]);
  } finally {
    await admin.close();
    await query(`delete from "AdminAction" where "targetId" = $1`, [paper.id]);
  }
});

test("a member is slowed down after 10 comments in 10 minutes", async ({ page, context, users }) => {
  const member = await users.create();
  await member.signIn(context);
  const paper = await newPaper();
  await page.goto(`/papers/${paper.id}`);
  const discussion = page.getByRole("region", { name: /^Discussion/ });
  const box = discussion.getByRole("textbox", { name: "Write a comment" });
  for (let i = 1; i <= 10; i++) {
    await box.fill(`Comment number ${i}`);
    await box.press("Control+Enter");
    await expect(
      discussion.getByRole("heading", { name: `Discussion ${i} ${i === 1 ? "comment" : "comments"}` }),
    ).toBeVisible();
  }
  await box.fill("One too many");
  await box.press("Control+Enter");
  await expect(
    discussion.getByText(/^You have posted 10 comments in the last 10 minutes\. Try again in \d+ min( \d+ s)?\.$/),
  ).toBeVisible();
  await expect(box).toHaveValue("One too many");
  expect(await commentRow(paper.id)).toEqual({ counter: 10, rows: 10 });
});

test("the JSON API lists a paper's comments, old-style ids too, and 404s hidden papers", async ({ request, users }) => {
  const author = await users.create();
  const paper = await newPaper({ oldStyle: true });
  const top = `c${randomBytes(8).toString("hex")}`;
  await query(
    `insert into "Comment" (id, "paperId", "userId", body, "createdAt") values ($1, $2, $3, 'Hi $x$ <b>', now() - interval '1 minute')`,
    [top, paper.id, author.id],
  );
  await query(`insert into "Comment" (id, "paperId", "userId", "parentId", body) values ($1, $2, $3, $4, 'Re')`, [
    `c${randomBytes(8).toString("hex")}`,
    paper.id,
    author.id,
    top,
  ]);
  const response = await request.get(`/api/papers/${paper.id}/comments`);
  expect(response.status()).toBe(200);
  expect(response.headers()["access-control-allow-origin"]).toBe("*");
  const body = (await response.json()) as Record<string, unknown>[];
  expect(body).toHaveLength(2);
  expect(body[0]).toMatchObject({
    id: top,
    parentId: null,
    author: { name: expect.stringMatching(/^e2e-/), fullname: "E2E Reader" },
    body: "Hi $x$ <b>",
    editedAt: null,
  });
  expect(body[0]?.html).toContain('class="katex"');
  expect(body[0]?.html).toContain("&lt;b&gt;");
  expect(body[1]).toMatchObject({ parentId: top, body: "Re" });

  expect((await request.get(`/api/papers/${paper.id}`)).status()).toBe(200);

  await query(`update "Paper" set "hiddenAt" = now() where id = $1`, [paper.id]);
  const hidden = await request.get(`/api/papers/${paper.id}/comments`);
  expect(hidden.status()).toBe(404);
  expect(await hidden.json()).toEqual({ error: `no paper ${paper.id} here` });
  const unknown = await request.get("/api/papers/2611.00001/comments");
  expect(unknown.status()).toBe(404);
  const malformed = await request.get("/api/papers/not-an-id/comments");
  expect(malformed.status()).toBe(400);
  expect(typeof ((await malformed.json()) as { error: unknown }).error).toBe("string");
});

test("a public profile lists the member's recent comments; a private one does not", async ({ page, users }) => {
  const member = await users.create();
  const paper = await newPaper();
  await query(`insert into "Comment" (id, "paperId", "userId", body) values ($1, $2, $3, 'Profile **note**')`, [
    `c${randomBytes(8).toString("hex")}`,
    paper.id,
    member.id,
  ]);
  const [row] = await query<{ username: string }>(`select username from "User" where id = $1`, [member.id]);
  await page.goto(`/users/${row!.username}`);
  const recent = page.getByRole("region", { name: "Recent comments" });
  await expect(recent.getByRole("link", { name: new RegExp(paper.id.replace(".", "\\.")) })).toBeVisible();
  await expect(recent.locator("strong", { hasText: "note" })).toBeVisible();
  await query(`update "User" set "profilePrivate" = true where id = $1`, [member.id]);
  await page.reload();
  await expect(page.getByRole("region", { name: "Recent comments" })).toHaveCount(0);
});
