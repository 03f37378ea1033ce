"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { usePendingIntent } from "@/components/hooks/use-pending-intent";
import { noteDigest } from "@/lib/client/viewer-store";
import { subscribeToDailyDigest } from "@/lib/settings/actions";
import type { DigestChoice } from "@/lib/settings/schema";

const current: Record<Exclude<DigestChoice, "OFF">, string> = {
  DAILY: "You get the daily digest.",
  WEEKLY: "You get the weekly digest.",
};

/**
 * Subscribes to the daily digest in one step; signed out, it signs in first and then subscribes. A reader
 * who already gets a digest is told which one (a weekly reader is not offered the daily one again).
 */
export function SubscribeButton({ signedIn, digest }: { signedIn: boolean; digest: DigestChoice }) {
  const [done, setDone] = useState(digest !== "OFF");
  const [message, setMessage] = useState("");
  const [pending, startTransition] = useTransition();

  function subscribe() {
    startTransition(async () => {
      const result = await subscribeToDailyDigest();
      if (result.ok) {
        noteDigest("DAILY");
        setDone(true);
        setMessage("You're subscribed to the daily digest.");
      } else {
        setMessage(result.message);
      }
    });
  }

  const signInToSubscribe = usePendingIntent({ kind: "subscribe" }, signedIn, subscribe);

  if (done) {
    return (
      <p role="status" className="text-sm text-zinc-700 dark:text-zinc-300">
        {message || current[digest === "OFF" ? "DAILY" : digest]}{" "}
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
        onClick={signedIn ? subscribe : signInToSubscribe}
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
