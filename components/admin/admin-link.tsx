import Link from "next/link";
import { isAdmin } from "@/lib/auth/admin";
import { getCurrentUser } from "@/lib/auth/session";

/** The header's "Admin" link, for admins only; an async child under Suspense so the shell never waits. */
export async function AdminLink({ className }: { className: string }) {
  if (!isAdmin(await getCurrentUser())) return null;
  return (
    <Link href="/admin" className={className}>
      Admin
    </Link>
  );
}
