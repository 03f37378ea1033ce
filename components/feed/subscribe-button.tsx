"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { rememberIntent, signInHref, takeIntent } from "@/lib/auth/pending-intent";
import { subscribeToDailyDigest } from "@/lib/settings/actions";

/** Subscribes to the daily digest in one step; signed out, it signs in first and then subscribes. */
export function SubscribeButton({ signedIn, subscribed }: { signedIn: boolean; subscribed: boolean }) {
  const [done, setDone] = useState(subscribed);
  const [message, setMessage] = useState("");
  const [pending, startTransition] = useTransition();
  const router = useRouter();
  const pathname = usePathname();
  const resumed = useRef(false);

  function subscribe() {
    startTransition(async () => {
      const result = await subscribeToDailyDigest();
      if (result.ok) {
        setDone(true);
        setMessage("You're subscribed to the daily digest.");
      } else {
        setMessage(result.message);
      }
    });
  }

  useEffect(() => {
    if (!signedIn || resumed.current) return;
    resumed.current = true;
    if (takeIntent((intent) => intent.kind === "subscribe")) subscribe();
  }, [signedIn]);

  if (done) {
    return (
      <p role="status" className="text-sm text-zinc-700 dark:text-zinc-300">
        {message || "You get the daily digest."}{" "}
        <Link href="/settings" className="font-medium underline underline-offset-2">
          Email settings
        </Link>
      </p>
    );
  }
  return (
    <div className="flex items-center gap-3">
      <button
        type="button"
        disabled={pending}
        onClick={() => {
          if (signedIn) return subscribe();
          rememberIntent({ kind: "subscribe" });
          router.push(signInHref(pathname));
        }}
        className="rounded-md bg-amber-400 px-4 py-1.5 text-sm font-semibold text-zinc-950 hover:bg-amber-300 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-600 disabled:opacity-60"
      >
        {pending ? "Subscribing…" : "Subscribe"}
      </button>
      <span role="status" aria-live="polite" className="text-sm text-red-600 dark:text-red-400">
        {message}
      </span>
    </div>
  );
}
