import { describe, expect, it } from "vitest";
import { invitationMail } from "@/lib/mail/templates/invitation";

describe("invitationMail", () => {
  it("names the inviting admin and links the sign-in page, escaped in the HTML part", () => {
    const { subject, text, html } = invitationMail({
      signInUrl: "https://papers.example.org/signin",
      invitedBy: 'Ada <b>"Admin"</b>',
    });
    expect(subject).toBe("You are invited to Daily Papers");
    expect(text).toContain('Ada <b>"Admin"</b>, an admin of Daily Papers (papers.example.org), invited you');
    expect(text).toContain("\n\nhttps://papers.example.org/signin\n\n");
    expect(html).toContain("Ada &lt;b&gt;&quot;Admin&quot;&lt;/b&gt;, an admin");
    expect(html).not.toContain("<b>");
    expect(html).toContain('href="https://papers.example.org/signin"');
  });

  it("says an admin invited when the admin has no name", () => {
    expect(invitationMail({ signInUrl: "http://localhost:3000/signin", invitedBy: null }).text).toMatch(
      /^An admin of Daily Papers \(localhost:3000\) invited you/,
    );
  });
});
