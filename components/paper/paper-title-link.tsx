import Link from "next/link";
import { RichText } from "@/components/paper/rich-text";
import { paperPath } from "@/lib/urls";

/** A card's title: a link to the paper's page, its math rendered and no links of its own inside. */
export function PaperTitleLink({ id, title }: { id: string; title: string }) {
  return (
    <Link href={paperPath(id)} className="link">
      <RichText text={title} links={false} />
    </Link>
  );
}
