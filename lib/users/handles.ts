import { isReservedUsername } from "@/lib/users/schema";

/**
 * The handles to try, in order, for a member imported under a handle of another site (a Hugging Face
 * submitter): that handle, then `<handle>-hf`, `<handle>-hf2` … `<handle>-hf9`; never a reserved one, so the
 * mirror cannot give an outsider `admin` or `settings`, which Settings refuses to everyone here. Every path
 * that names a member after an outside handle takes its handle from here.
 */
export function importedUsernameCandidates(handle: string): string[] {
  const candidates = [handle, `${handle}-hf`, ...Array.from({ length: 8 }, (_, i) => `${handle}-hf${i + 2}`)];
  return candidates.filter((candidate) => !isReservedUsername(candidate));
}
