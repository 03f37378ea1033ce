import "server-only";
import type { DigestPaper } from "@/lib/digest/data";
import type { PersonalSection } from "@/lib/digest/personal";
import type { RenderedMail } from "@/lib/mail/templates/rendered-mail";
import { paperUrl } from "@/lib/urls";
import { formatAuthors } from "@/lib/text/author-list";
import { escapeHtml } from "@/lib/text/escape-html";
import { latexToPlainText } from "@/lib/text/latex";

/** The start of an abstract, as plain text, cut at a word and at most `max` characters long. */
function excerpt(abstract: string, max = 280): string {
  const plain = latexToPlainText(abstract);
  return plain.length > max ? `${plain.slice(0, max).replace(/\s+\S*$/, "")}…` : plain;
}

/** The heading of each of the member's own sections. */
export const SECTION_HEADINGS: Record<PersonalSection["kind"], string> = {
  AUTHOR: "From authors you follow",
  CATEGORY: "In categories you follow",
  KEYWORD: "Matching your keywords",
};

/** Why a followed paper is in its section: "by Ada Lovelace", "in cs.CL", "matches “diffusion”". */
function reason(kind: PersonalSection["kind"], matched: string[]): string {
  if (kind === "AUTHOR") return `by ${matched.join(", ")}`;
  if (kind === "CATEGORY") return `in ${matched.join(", ")}`;
  return `matches ${matched.map((keyword) => `“${keyword}”`).join(", ")}`;
}

/** One paper as a numbered text entry, under the line that says why it is there (its rank or its match). */
function textEntry(siteUrl: string, paper: DigestPaper, label: string): string[] {
  return [
    `${label} ${latexToPlainText(paper.title)} (▲ ${paper.upvoteCount})`,
    `   ${formatAuthors(paper.authors)}`,
    `   ${excerpt(paper.abstract)}`,
    `   ${paperUrl(siteUrl, paper.id)}`,
    "",
  ];
}

/** One paper as an HTML row, under a small line that says why it is there (`meta`, plain text). */
function htmlEntry(siteUrl: string, paper: DigestPaper, meta: string): string {
  return `
<tr><td style="padding:16px 0;border-top:1px solid #e4e4e7">
  <div style="font-size:12px;color:#71717a">${escapeHtml(meta)}</div>
  <a href="${escapeHtml(paperUrl(siteUrl, paper.id))}" style="display:block;margin-top:4px;font-size:17px;font-weight:600;line-height:1.35;color:#18181b;text-decoration:none">${escapeHtml(latexToPlainText(paper.title))}</a>
  <div style="margin-top:4px;font-size:13px;color:#52525b">${escapeHtml(formatAuthors(paper.authors))}</div>
  <p style="margin:8px 0 0;font-size:14px;line-height:1.5;color:#3f3f46">${escapeHtml(excerpt(paper.abstract))}</p>
</td></tr>`;
}

function htmlSectionHeading(heading: string): string {
  return `
<tr><td style="padding:24px 0 4px"><h2 style="margin:0;font-size:16px;color:#18181b">${escapeHtml(heading)}</h2></td></tr>`;
}

/** The subject: the main section's count and first title, or else the member's own sections'. */
function subjectOf(papers: DigestPaper[], sections: PersonalSection[]): string {
  const own = sections.flatMap((section) => section.papers);
  const line =
    papers.length > 0
      ? `${papers.length} trending ${papers.length === 1 ? "paper" : "papers"}: ${latexToPlainText(papers[0]?.title ?? "")}`
      : `${own.length} ${own.length === 1 ? "paper" : "papers"} from what you follow: ${latexToPlainText(own[0]?.title ?? "")}`;
  return line.slice(0, 150);
}

/**
 * The digest email: plain-text and HTML parts. Inline styles only, no remote fonts or images, a light
 * card design that also reads in clients that force dark mode (color-scheme meta, no hard white text).
 * `papers` is the main section (left out when empty); `sections` are the member's own (what they follow),
 * each under its heading, in the order given.
 */
export function renderDigest(input: {
  papers: DigestPaper[];
  sections?: PersonalSection[];
  periodLabel: string;
  period: "daily" | "weekly";
  siteUrl: string;
  unsubscribeUrl: string;
  settingsUrl: string;
}): RenderedMail {
  const { papers, siteUrl } = input;
  const sections = input.sections ?? [];
  const heading =
    input.period === "daily"
      ? `Trending papers of ${input.periodLabel}`
      : `The most upvoted papers of ${input.periodLabel}`;
  const subject = subjectOf(papers, sections);

  const text = [
    `${heading}`,
    "",
    ...papers.flatMap((paper, index) => textEntry(siteUrl, paper, `${index + 1}.`)),
    ...sections.flatMap((section) => [
      `== ${SECTION_HEADINGS[section.kind]} ==`,
      "",
      ...section.papers.flatMap((paper) => textEntry(siteUrl, paper, `* (${reason(section.kind, paper.matched)})`)),
    ]),
    "—",
    `Change what you get: ${input.settingsUrl}`,
    `Unsubscribe: ${input.unsubscribeUrl}`,
    "",
  ].join("\n");

  const items = [
    ...papers.map((paper, index) => htmlEntry(siteUrl, paper, `#${index + 1} · ▲ ${paper.upvoteCount} upvotes`)),
    ...sections.flatMap((section) => [
      htmlSectionHeading(SECTION_HEADINGS[section.kind]),
      ...section.papers.map((paper) =>
        htmlEntry(siteUrl, paper, `${reason(section.kind, paper.matched)} · ▲ ${paper.upvoteCount} upvotes`),
      ),
    ]),
  ].join("");

  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="color-scheme" content="light dark"><meta name="supported-color-schemes" content="light dark">
<title>${escapeHtml(heading)}</title></head>
<body style="margin:0;padding:0;background:#f4f4f5">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f4f5"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;border-radius:12px;padding:8px 24px 24px;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif">
<tr><td style="padding:16px 0 8px"><span style="display:inline-block;background:#fbbf24;color:#18181b;font-weight:700;font-size:12px;padding:4px 6px;border-radius:6px">DP</span>
<span style="font-weight:600;color:#18181b;margin-left:6px">Daily Papers</span>
<h1 style="margin:12px 0 0;font-size:20px;color:#18181b">${escapeHtml(heading)}</h1></td></tr>
${items}
<tr><td style="padding-top:20px;border-top:1px solid #e4e4e7;font-size:12px;color:#71717a;line-height:1.6">
You get this because you subscribed on <a href="${escapeHtml(siteUrl)}" style="color:#52525b">Daily Papers</a>.
<a href="${escapeHtml(input.settingsUrl)}" style="color:#52525b">Email settings</a> ·
<a href="${escapeHtml(input.unsubscribeUrl)}" style="color:#52525b">Unsubscribe</a>
</td></tr></table></td></tr></table></body></html>`;

  return { subject, text, html };
}
