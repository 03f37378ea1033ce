import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignUsername, defaultUsername } from "@/lib/auth/username";
import { prisma } from "@/lib/db/client";
import { getProfileSettings, getUserByUsername } from "@/lib/users/data";
import { updateProfile } from "@/lib/users/mutations";

const run = randomUUID().slice(0, 8);
const alice = { id: `prof_${run}_alice`, email: `alice.secret-${run}@example.test` };
const bob = { id: `prof_${run}_bob`, email: `bob-${run}@example.test` };

describe("handles and private profiles", () => {
  beforeAll(async () => {
    await prisma.user.createMany({ data: [alice, bob] });
  });
  afterAll(async () => {
    await prisma.user.deleteMany({ where: { id: { in: [alice.id, bob.id] } } });
  });

  it("gives new members a neutral handle, never their address's local part", async () => {
    for (let i = 0; i < 50; i++) expect(defaultUsername()).toMatch(/^reader-[a-z2-7]{6}$/);
    await assignUsername(alice.id);
    const { username } = await getProfileSettings(alice.id);
    expect(username).toMatch(/^reader-[a-z2-7]{6}$/);
    expect(username).not.toContain("alice");
  });

  it("lets a reader choose a free handle and make their list private", async () => {
    const handle = `alice-${run}`;
    await updateProfile(alice.id, { username: handle, profilePrivate: true });
    expect(await getUserByUsername(handle)).toMatchObject({ id: alice.id, profilePrivate: true });
    expect(await getProfileSettings(alice.id)).toEqual({ name: null, username: handle, profilePrivate: true });
  });

  it("saves a display name, clears it with null, and leaves it when absent", async () => {
    await updateProfile(alice.id, { name: "Alice Liddell", username: `alice-${run}`, profilePrivate: true });
    expect((await getProfileSettings(alice.id)).name).toBe("Alice Liddell");
    await updateProfile(alice.id, { username: `alice-${run}`, profilePrivate: true });
    expect((await getProfileSettings(alice.id)).name).toBe("Alice Liddell");
    await updateProfile(alice.id, { name: null, username: `alice-${run}`, profilePrivate: true });
    expect((await getProfileSettings(alice.id)).name).toBeNull();
  });

  it("refuses a taken handle with a CONFLICT sentence and changes nothing", async () => {
    await updateProfile(bob.id, { username: `bob-${run}`, profilePrivate: false });
    await expect(updateProfile(bob.id, { username: `alice-${run}`, profilePrivate: true })).rejects.toMatchObject({
      code: "CONFLICT",
      message: `The handle “alice-${run}” is taken. Choose another.`,
    });
    expect(await getProfileSettings(bob.id)).toEqual({ name: null, username: `bob-${run}`, profilePrivate: false });
  });
});
