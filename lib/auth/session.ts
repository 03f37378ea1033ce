import "server-only";
import { cache } from "react";
import { auth } from "@/lib/auth/config";
import { prisma } from "@/lib/db";

export interface CurrentUser {
  id: string;
  email: string | null;
  emailVerified: Date | null;
  name: string | null;
  username: string | null;
  image: string | null;
}

/** The signed-in user of this request, or null. Deduplicated within a request. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  return prisma.user.findUnique({
    where: { id },
    select: { id: true, email: true, emailVerified: true, name: true, username: true, image: true },
  });
});
