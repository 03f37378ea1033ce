import { UserMenu } from "@/components/auth/user-menu";
import { getCurrentUser } from "@/lib/auth/session";

/** Async child of the header (rendered under Suspense) so the shell never waits on the session. */
export async function HeaderUser() {
  return <UserMenu user={await getCurrentUser()} />;
}
