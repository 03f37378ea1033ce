import Link from "next/link";
import { AdminOnly } from "@/components/admin/admin-only";

/** The header's "Admin" link, for admins only. */
export function AdminLink({ className }: { className: string }) {
  return (
    <AdminOnly>
      <Link href="/admin" className={className}>
        Admin
      </Link>
    </AdminOnly>
  );
}
