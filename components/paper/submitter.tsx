import Link from "next/link";
import { userPath } from "@/lib/urls";

/** Who put a paper on the list: their name, linking to their page when they have a handle. */
export function Submitter({
  submittedBy,
  className,
}: {
  submittedBy: { username: string | null; name: string | null };
  className?: string;
}) {
  const name = submittedBy.name ?? submittedBy.username;
  if (!name) return null;
  if (!submittedBy.username) return className ? <span className={className}>{name}</span> : name;
  return (
    <Link href={userPath(submittedBy.username)} className={className ? `text-link ${className}` : "text-link"}>
      {name}
    </Link>
  );
}
