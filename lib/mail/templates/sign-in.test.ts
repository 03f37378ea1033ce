import { describe, expect, it } from "vitest";
import { signInMail } from "@/lib/mail/templates/sign-in";

describe("signInMail", () => {
  const url = 'https://papers.example.org/api/auth/callback/nodemailer?callbackUrl=%2F&token=a"b<c';

  it("escapes the link in the HTML part, so it can neither end the attribute nor add markup", () => {
    const { html } = signInMail(url);
    expect(html).toContain(
      'href="https://papers.example.org/api/auth/callback/nodemailer?callbackUrl=%2F&amp;token=a&quot;b&lt;c"',
    );
    expect(html).toContain("(papers.example.org)");
    expect(html).not.toContain('a"b');
  });

  it("gives the link as it is in the text part", () => {
    const { subject, text } = signInMail(url);
    expect(subject).toBe("Sign in to Daily Papers");
    expect(text).toContain(`Sign in to Daily Papers (papers.example.org) by opening this link:\n\n${url}\n`);
  });
});
