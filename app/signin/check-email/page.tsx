import type { Metadata } from "next";
import { CheckEmailDetails } from "@/components/auth/check-email-details";

export const metadata: Metadata = { title: "Check your email", robots: { index: false } };

export default function CheckEmailPage() {
  return (
    <section className="mx-auto max-w-md py-8 text-center">
      <h1 className="text-2xl font-semibold tracking-tight">Check your email</h1>
      <p className="mt-3 text-zinc-600 dark:text-zinc-400">
        We sent you a sign-in link. Open it on this device to continue where you left off. It expires in 24 hours.
      </p>
      <CheckEmailDetails />
    </section>
  );
}
