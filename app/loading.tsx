import { PaperGrid } from "@/components/feed/paper-grid";

export default function Loading() {
  return <PaperGrid.Skeleton />;
}
