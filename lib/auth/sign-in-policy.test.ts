import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { checkSignInAddress, refusalMessage, signInVerdict, type SignInRules } from "@/lib/auth/sign-in-policy";
import { prisma } from "@/lib/db/client";

const lab: SignInRules = {
  adminEmails: ["boss@admin.test"],
  allowedDomains: ["lab.example.org"],
  siteAccess: "members",
};
const nobody = { invited: false, revoked: false, hasAccount: false };
const REFUSED = "Sign-in here is for addresses at lab.example.org, or by invitation: ask an admin.";

describe("who may sign in (the pure rule)", () => {
  it("lets in addresses at an allowed domain, whatever their case", () => {
    for (const email of ["ada@lab.example.org", "Ada@LAB.Example.ORG", "a.b+c@lab.example.org"]) {
      expect(signInVerdict(email, nobody, lab), email).toEqual({ allowed: true });
    }
  });

  it("refuses other domains with a sentence, suffix and prefix tricks included", () => {
    for (const email of [
      "ada@example.org",
      "ada@evil-lab.example.org",
      "ada@sub.lab.example.org",
      "ada@lab.example.org.evil.com",
      "ada@lab.example.orgx",
      "lab.example.org@evil.com",
      '"ada@lab.example.org"@evil.com',
      "ada@lab.example.org@evil.com",
      "ada@",
      "",
    ]) {
      expect(signInVerdict(email, nobody, lab), email).toEqual({ allowed: false, message: REFUSED });
    }
    expect(signInVerdict(null, nobody, lab)).toEqual({ allowed: false, message: REFUSED });
  });

  it("lets in admins and invited addresses outside the domains, and an account alone is not enough", () => {
    expect(signInVerdict("Boss@Admin.Test", nobody, lab)).toEqual({ allowed: true });
    expect(signInVerdict("guest@elsewhere.test", { invited: true, revoked: false, hasAccount: false }, lab)).toEqual({
      allowed: true,
    });
    expect(signInVerdict("old@elsewhere.test", { invited: false, revoked: false, hasAccount: true }, lab).allowed).toBe(
      false,
    );
    // An invitation needs an address to belong to.
    expect(signInVerdict(null, { invited: true, revoked: false, hasAccount: false }, lab).allowed).toBe(false);
  });

  it("on a members-only site without domains: members, admins and invited addresses only", () => {
    const members: SignInRules = { ...lab, allowedDomains: [] };
    const refused = { allowed: false, message: "Sign-in here is for members, or by invitation: ask an admin." };
    expect(signInVerdict("new@anywhere.test", nobody, members)).toEqual(refused);
    expect(
      signInVerdict("member@anywhere.test", { invited: false, revoked: false, hasAccount: true }, members),
    ).toEqual({
      allowed: true,
    });
    expect(
      signInVerdict("guest@anywhere.test", { invited: true, revoked: false, hasAccount: false }, members).allowed,
    ).toBe(true);
    expect(signInVerdict("boss@admin.test", nobody, members).allowed).toBe(true);
    expect(signInVerdict(null, nobody, members)).toEqual(refused);
    // The account an invitation made is no ground of its own once the invitation is revoked.
    expect(signInVerdict("gone@anywhere.test", { invited: false, revoked: true, hasAccount: true }, members)).toEqual(
      refused,
    );
    // Where a domain or an admin address lets it in anyway, a revoked invitation changes nothing.
    expect(signInVerdict("ada@lab.example.org", { invited: false, revoked: true, hasAccount: true }, lab).allowed).toBe(
      true,
    );
    expect(signInVerdict("boss@admin.test", { invited: false, revoked: true, hasAccount: true }, members).allowed).toBe(
      true,
    );
  });

  it("on a public site without domains: anyone, an address or not", () => {
    const open: SignInRules = { adminEmails: [], allowedDomains: [], siteAccess: "public" };
    expect(signInVerdict("anyone@anywhere.test", nobody, open)).toEqual({ allowed: true });
    expect(signInVerdict(null, nobody, open)).toEqual({ allowed: true });
    // Domains restrict a public site too.
    expect(
      signInVerdict("anyone@anywhere.test", nobody, { ...open, allowedDomains: ["lab.example.org"] }).allowed,
    ).toBe(false);
  });

  it("names every allowed domain", () => {
    expect(refusalMessage({ allowedDomains: ["a.org", "b.edu", "c.net"] })).toBe(
      "Sign-in here is for addresses at a.org, b.edu or c.net, or by invitation: ask an admin.",
    );
  });
});

describe("who may sign in (with the database's invitations and accounts)", () => {
  const run = randomUUID().slice(0, 8);
  const invited = `guest-${run}@elsewhere.test`;
  const member = `member-${run}@elsewhere.test`;
  const userId = `policy_${run}`;

  afterAll(async () => {
    await prisma.invite.deleteMany({ where: { email: invited } });
    await prisma.user.deleteMany({ where: { id: userId } });
    await prisma.$disconnect();
  });

  it("reads invitations and accounts from the database", async () => {
    await prisma.invite.create({ data: { email: invited } });
    await prisma.user.create({ data: { id: userId, email: member } });

    expect(await checkSignInAddress(invited, lab)).toEqual({ allowed: true });
    expect(await checkSignInAddress(`x-${run}@lab.example.org`, lab)).toEqual({ allowed: true });
    expect(await checkSignInAddress(member, lab)).toEqual({ allowed: false, message: REFUSED });

    const members: SignInRules = { ...lab, allowedDomains: [] };
    expect(await checkSignInAddress(member, members)).toEqual({ allowed: true });
    expect(await checkSignInAddress(invited, members)).toEqual({ allowed: true });
    expect((await checkSignInAddress(`stranger-${run}@elsewhere.test`, members)).allowed).toBe(false);

    // Revoked: the address is a stranger again.
    await prisma.invite.delete({ where: { email: invited } });
    expect((await checkSignInAddress(invited, lab)).allowed).toBe(false);
  });
});
