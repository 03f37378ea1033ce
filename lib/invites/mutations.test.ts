import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const run = vi.hoisted(() => {
  const id = Math.random().toString(36).slice(2, 10);
  // Before lib/env is first read: the admin of this file is in ADMIN_EMAILS.
  process.env.ADMIN_EMAILS = `inviter-${id}@admin.test`;
  return id;
});

import { checkSignInAddress, type SignInRules } from "@/lib/auth/sign-in-policy";
import { prisma } from "@/lib/db/client";
import { getInvites } from "@/lib/invites/data";
import { createInvite, revokeInvite } from "@/lib/invites/mutations";
import { inviteSchema } from "@/lib/invites/schema";

const admin = {
  id: `inv_${run}_admin`,
  email: `inviter-${run}@admin.test`,
  emailVerified: new Date(),
  username: `inviter-${run}`,
};
const member = { id: `inv_${run}_member`, email: `member-${run}@example.test`, emailVerified: new Date() };
const guest = `guest-${run}@elsewhere.test`;

describe("invitations", () => {
  beforeAll(async () => {
    await prisma.user.createMany({ data: [admin, member] });
  });
  afterAll(async () => {
    await prisma.invite.deleteMany({ where: { email: guest } });
    await prisma.adminAction.deleteMany({ where: { adminId: admin.id } });
    await prisma.user.deleteMany({ where: { id: { in: [admin.id, member.id] } } });
    await prisma.$disconnect();
  });

  it("invites an address once, lists it with who invited, revokes it, and records both", async () => {
    expect(await createInvite(admin.id, guest)).toEqual({ email: guest });
    await expect(createInvite(admin.id, guest)).rejects.toMatchObject({
      code: "CONFLICT",
      message: `${guest} is already invited.`,
    });
    const listed = (await getInvites()).find((invite) => invite.email === guest);
    expect(listed).toMatchObject({ email: guest, invitedBy: `@${admin.username}`, usedAt: null });

    expect(await revokeInvite(admin.id, guest)).toEqual({ email: guest, signedOut: false });
    const revoked = (await getInvites()).find((invite) => invite.email === guest);
    expect(revoked?.revokedAt).toBeInstanceOf(Date);
    await expect(revokeInvite(admin.id, guest)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // A revoked address may be invited again.
    expect(await createInvite(admin.id, guest)).toEqual({ email: guest });
    expect((await getInvites()).find((invite) => invite.email === guest)?.revokedAt).toBeNull();
    await revokeInvite(admin.id, guest);

    const log = await prisma.adminAction.findMany({
      where: { adminId: admin.id },
      orderBy: { createdAt: "asc" },
      select: { action: true, targetId: true },
    });
    expect(log).toEqual([
      { action: "invite", targetId: guest },
      { action: "revoke-invite", targetId: guest },
      { action: "invite", targetId: guest },
      { action: "revoke-invite", targetId: guest },
    ]);
  });

  it("on a members-only site without domains, revoking shuts out the member the invitation made, everywhere", async () => {
    const members: SignInRules = { adminEmails: [admin.email], allowedDomains: [], siteAccess: "members" };
    const invited = `invited-${run}@elsewhere.test`;
    await createInvite(admin.id, invited);
    // They sign in: an account, a session and a token for an agent.
    const joined = await prisma.user.create({ data: { id: `inv_${run}_joined`, email: invited } });
    await prisma.session.create({
      data: { sessionToken: `inv-${run}`, userId: joined.id, expires: new Date(Date.now() + 86_400_000) },
    });
    await prisma.accessToken.create({ data: { userId: joined.id, name: "agent", secretHash: `inv-${run}-hash` } });
    expect(await checkSignInAddress(invited, members)).toEqual({ allowed: true });

    expect(await revokeInvite(admin.id, invited, members)).toEqual({ email: invited, signedOut: true });
    expect(await checkSignInAddress(invited, members)).toMatchObject({ allowed: false });
    expect(await prisma.session.count({ where: { userId: joined.id } })).toBe(0);
    expect(await prisma.accessToken.count({ where: { userId: joined.id } })).toBe(0);
    // The account and what it holds stay: invited again, they are back.
    await createInvite(admin.id, invited);
    expect(await checkSignInAddress(invited, members)).toEqual({ allowed: true });
    // An account that never came through an invitation is still a member there.
    expect(await checkSignInAddress(member.email, members)).toEqual({ allowed: true });

    await prisma.user.delete({ where: { id: joined.id } });
    await prisma.invite.deleteMany({ where: { email: invited } });
  });

  it("refuses members who are not admins, changing and recording nothing", async () => {
    await expect(createInvite(member.id, guest)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await prisma.invite.upsert({ where: { email: guest }, create: { email: guest }, update: { revokedAt: null } });
    await expect(revokeInvite(member.id, guest)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await prisma.invite.count({ where: { email: guest } })).toBe(1);
    expect(await prisma.adminAction.count({ where: { adminId: member.id } })).toBe(0);
  });

  it("takes one address, lowercased, and refuses anything else with a sentence", () => {
    expect(inviteSchema.parse({ email: "  Guest@Elsewhere.TEST " })).toEqual({ email: "guest@elsewhere.test" });
    for (const [email, message] of [
      ["", "Enter an email address."],
      ["not an address", "Enter a valid email address."],
      [`${"a".repeat(250)}@b.test`, "That email address is too long."],
    ] as const) {
      const parsed = inviteSchema.safeParse({ email });
      expect(parsed.success || parsed.error.issues[0]?.message, email).toBe(message);
    }
    expect(inviteSchema.safeParse({}).success).toBe(false);
  });
});
