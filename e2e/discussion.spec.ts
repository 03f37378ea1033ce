import { randomBytes } from "node:crypto";
import type { Page, TestInfo } from "@playwright/test";
import { query } from "./support/db";
import { commentRow, deleteNewPapers, newPaper } from "./support/discussion";
import { quietDay } from "./support/papers";
import { expect, test } from "./support/users";
import { PHONE } from "./support/tags";
import { keepScreenshot } from "./support/screenshots";
import { axeFor } from "./support/axe";

/** The discussion spec's days are in 2002 (e2e/support/papers.ts). */
const YEAR = 2002;

/**
 * Phones get the 390 px width of the smallest current iPhones; screenshots in light and in dark, each
 * checked by axe-core (no serious or critical violation in the discussion).
 */
async function screenshots(page: Page, testInfo: TestInfo, name: string) {
  if (testInfo.project.name === "phone") await page.setViewportSize({ width: 390, height: 844 });
  const discussion = page.locator("#discussion");
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const { violations } = await axeFor(page).include("#discussion").analyze();
    const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(
      serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
      scheme,
    ).toEqual([]);
    await keepScreenshot(() =>
      discussion.screenshot({
        path: testInfo.outputPath(`${name}-${testInfo.project.name}-${scheme}.png`),
        // The sticky site header would otherwise cover part of a tall section in the capture.
        style: "body > header, header.sticky { position: static !important; }",
      }),
    );
  }
  await page.emulateMedia({ colorScheme: null });
  // Nothing may widen the page sideways on a phone.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** Records every dialog (an `alert(1)` a comment smuggled in would open one); dismisses it. */
function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return dialogs;
}

test.afterAll(deleteNewPapers);

test(
  "a member comments with Markdown and math, replies, edits and deletes",
  { tag: PHONE },
  async ({ page, context, users }, testInfo) => {
    // A long walk: three posts, an edit and a delete, each a server action and a refresh, and two accessibility
    // checks with screenshots in both schemes; on the phone project beside another worker it nears 30 s.
    test.slow();
    const dialogs = watchDialogs(page);
    const member = await users.create();
    await member.signIn(context);
    const paper = await newPaper();
    await page.goto(`/papers/${paper.id}`);

    const discussion = page.getByRole("region", { name: /^Discussion/ });
    await expect(discussion.getByText("No comments yet — start the discussion")).toBeVisible();
    await expect(discussion.getByText("Markdown and $math$ supported")).toBeVisible();

    // An empty comment is refused in the status line, without a round trip.
    const box = discussion.getByRole("textbox", { name: "Write a comment" });
    await discussion.getByRole("button", { name: "Comment", exact: true }).click();
    await expect(discussion.getByText("Write something first: the comment is empty.")).toBeVisible();

    await box.fill(
      "This **matters**: the bound $O(n \\log n)$ is tight.\n\n- see [arXiv](https://arxiv.org/abs/2501.12948)\n- <script>window.__pwned = 1; alert(1)</script>\n\n<img src=x onerror=alert(1)> [x](javascript:alert(1))",
    );
    await discussion.getByRole("button", { name: "Comment", exact: true }).click();
    await expect(discussion.getByRole("status").filter({ hasText: "Comment posted." })).toBeVisible();
    const first = discussion.getByRole("article", { name: /^Comment by E2E Reader/ }).first();
    await expect(first.locator("strong", { hasText: "matters" })).toBeVisible();
    await expect(first.locator(".katex")).toHaveCount(1);
    const link = first.getByRole("link", { name: "arXiv" });
    await expect(link).toHaveAttribute("href", "https://arxiv.org/abs/2501.12948");
    await expect(link).toHaveAttribute("rel", "nofollow ugc noopener");
    await expect(link).toHaveAttribute("target", "_blank");
    // The hostile parts are shown as the text that was typed, never run or linked.
    await expect(first.getByText("<script>window.__pwned = 1; alert(1)</script>")).toBeVisible();
    await expect(first.locator("img, script, [onerror]")).toHaveCount(0);
    await expect(first.getByRole("link", { name: "x", exact: true })).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await expect(first.getByText("Author", { exact: true })).toBeVisible();
    await expect(first.getByRole("link", { name: "E2E Reader" })).toHaveAttribute("href", /^\/users\/e2e-/);
    await expect(first.locator("time")).toHaveText("just now");
    await expect(first.locator("time")).toHaveAttribute("title", /^\d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
    await expect(discussion.getByRole("heading", { name: "Discussion 1 comment" })).toBeVisible();

    // A reply, then a reply to that reply: both land in the first comment's thread.
    await first.getByRole("button", { name: "Reply to E2E Reader" }).click();
    const replyBox = discussion.getByRole("textbox", { name: "Reply to E2E Reader" });
    await expect(replyBox).toBeFocused();
    await replyBox.fill("Agreed, see $$\\sum_{i=1}^n i = \\frac{n(n+1)}{2}$$");
    await replyBox.press("Control+Enter");
    await expect(discussion.getByRole("status").filter({ hasText: "Reply posted." })).toBeVisible();
    const replies = discussion.getByRole("list", { name: "Replies to E2E Reader" });
    await expect(replies.getByRole("article")).toHaveCount(1);
    await expect(replies.locator(".katex-display")).toHaveCount(1);

    await replies.getByRole("button", { name: "Reply to E2E Reader" }).click();
    const nested = discussion.getByRole("textbox", { name: "Reply to E2E Reader" });
    await expect(nested).toHaveValue(/^@e2e-[^ ]+ $/);
    await nested.pressSequentially("and a third thought");
    await discussion.getByRole("button", { name: "Reply", exact: true }).click();
    await expect(replies.getByRole("article")).toHaveCount(2);
    await expect(discussion.getByRole("heading", { name: "Discussion 3 comments" })).toBeVisible();
    const rows = await query<{ parentId: string | null }>(
      `select "parentId" from "Comment" where "paperId" = $1 order by "createdAt"`,
      [paper.id],
    );
    expect(rows[1]?.parentId).toBeTruthy();
    expect(rows[2]?.parentId).toBe(rows[1]?.parentId);
    expect(await commentRow(paper.id)).toEqual({ counter: 3, rows: 3 });

    // Edit the last reply: Escape cancels, Save saves and marks it edited.
    const last = replies.getByRole("article").nth(1);
    await last.getByRole("button", { name: "Edit" }).click();
    const editBox = last.getByRole("textbox", { name: "Edit your comment" });
    await editBox.press("Escape");
    await expect(editBox).toHaveCount(0);
    await last.getByRole("button", { name: "Edit" }).click();
    await last.getByRole("textbox", { name: "Edit your comment" }).fill("Edited: *on second thought* $e^{i\\pi}+1=0$");
    await last.getByRole("button", { name: "Save" }).click();
    await expect(discussion.getByRole("status").filter({ hasText: "Comment saved." })).toBeVisible();
    await expect(last.locator("em", { hasText: "on second thought" })).toBeVisible();
    await expect(last.getByText("(edited)")).toBeVisible();

    await screenshots(page, testInfo, "discussion");

    // Delete the first comment: the confirmation says its replies go too.
    await first.getByRole("button", { name: "Delete" }).click();
    await expect(first.getByText("Delete this comment and its 2 replies? This cannot be undone.")).toBeVisible();
    await expect(first.getByRole("button", { name: "Cancel" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(first.getByText(/Delete this comment/)).toHaveCount(0);
    await first.getByRole("button", { name: "Delete" }).click();
    await first.getByRole("group", { name: "Confirm deletion" }).getByRole("button", { name: "Delete" }).click();
    await expect(discussion.getByRole("status").filter({ hasText: "Comment and 2 replies deleted." })).toBeVisible();
    await expect(discussion.getByText("No comments yet — start the discussion")).toBeVisible();
    expect(await commentRow(paper.id)).toEqual({ counter: 0, rows: 0 });
    expect(dialogs).toEqual([]);
  },
);

test(
  "a signed-out reader sees the thread and a sign-in link back to it",
  { tag: PHONE },
  async ({ page, users }, testInfo) => {
    const author = await users.create();
    const paper = await newPaper();
    const [top] = await query<{ id: string }>(
      `insert into "Comment" (id, "paperId", "userId", body) values ($1, $2, $3, 'A **public** note') returning id`,
      [`c${randomBytes(8).toString("hex")}`, paper.id, author.id],
    );
    await query(
      `insert into "Comment" (id, "paperId", "userId", "parentId", body) values ($1, $2, $3, $4, 'A reply')`,
      [`c${randomBytes(8).toString("hex")}`, paper.id, author.id, top!.id],
    );
    await page.goto(`/papers/${paper.id}`);
    const discussion = page.getByRole("region", { name: /^Discussion/ });
    await expect(discussion.getByRole("heading", { name: "Discussion 2 comments" })).toBeVisible();
    await expect(discussion.locator("strong", { hasText: "public" })).toBeVisible();
    await expect(discussion.getByRole("list", { name: "Replies to E2E Reader" }).getByText("A reply")).toBeVisible();
    await expect(discussion.getByRole("button", { name: /Reply|Edit|Delete/ })).toHaveCount(0);
    await expect(discussion.getByRole("textbox")).toHaveCount(0);
    const signIn = discussion.getByRole("link", { name: "Sign in to join the discussion" });
    await expect(signIn).toHaveAttribute(
      "href",
      `/signin?callbackUrl=${encodeURIComponent(`/papers/${paper.id}#discussion`)}`,
    );
    await screenshots(page, testInfo, "discussion-signed-out");
    await signIn.click();
    await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  },
);

test("the card's comment count links to the discussion", async ({ page, users }) => {
  const submitter = await users.create();
  const day = quietDay(YEAR);
  const paper = await newPaper({ day, submittedBy: submitter.id });
  await query(`insert into "Comment" (id, "paperId", "userId", body) values ($1, $2, $3, 'From the submitter')`, [
    `c${randomBytes(8).toString("hex")}`,
    paper.id,
    submitter.id,
  ]);
  await page.goto(`/papers/date/${day}`);
  const card = page.locator("[data-paper-card]", { hasText: paper.id });
  await card.getByRole("link", { name: "1 comment" }).click();
  await expect(page).toHaveURL(new RegExp(`/papers/${paper.id.replace(".", "\\.")}#discussion$`));
  const discussion = page.getByRole("region", { name: /^Discussion/ });
  await expect(discussion).toBeInViewport();
  const comment = discussion.getByRole("article", { name: /^Comment by E2E Reader/ });
  // The submitter's display name is also one of the paper's authors here: both badges.
  await expect(comment.getByText("Submitter", { exact: true })).toBeVisible();
  await expect(comment.getByText("Author", { exact: true })).toBeVisible();
});
