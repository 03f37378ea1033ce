import { usePathname, useRouter } from "next/navigation";
import { useEffect, useEffectEvent, useRef } from "react";
import { signInHref } from "@/lib/auth/sign-in-href";
import { rememberIntent, takeIntent, type PendingIntent } from "@/lib/client/pending-intent";

/**
 * A button's action that needs a session (upvote, subscribe). Signed out, the returned function remembers
 * `intent` and sends the reader to sign in, back to this page; signed in again here, `carryOut` runs once
 * if that intent is still pending (and recent).
 */
export function usePendingIntent(intent: PendingIntent, signedIn: boolean, carryOut: () => void): () => void {
  const router = useRouter();
  const pathname = usePathname();
  const resumed = useRef(false);
  const resume = useEffectEvent(() => {
    if (takeIntent(intent)) carryOut();
  });

  useEffect(() => {
    if (!signedIn || resumed.current) return;
    resumed.current = true;
    resume();
  }, [signedIn]);

  return () => {
    rememberIntent(intent);
    router.push(signInHref(`${pathname}${window.location.search}`));
  };
}
