import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const run = vi.hoisted(() => {
  const id = Math.random().toString(36).slice(2, 10);
  // Before lib/env is first read: the admin of this file is in ADMIN_EMAILS.
  process.env.ADMIN_EMAILS = `inviter-${id}@admin.test`;
  return id;
});

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

    expect(await revokeInvite(admin.id, guest)).toEqual({ email: guest });
    expect(await prisma.invite.count({ where: { email: guest } })).toBe(0);
    await expect(revokeInvite(admin.id, guest)).rejects.toMatchObject({ code: "NOT_FOUND" });

    const log = await prisma.adminAction.findMany({
      where: { adminId: admin.id },
      orderBy: { createdAt: "asc" },
      select: { action: true, targetId: true },
    });
    expect(log).toEqual([
      { action: "invite", targetId: guest },
      { action: "revoke-invite", targetId: guest },
    ]);
  });

  it("refuses members who are not admins, changing and recording nothing", async () => {
    await expect(createInvite(member.id, guest)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await prisma.invite.create({ data: { email: guest } });
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
