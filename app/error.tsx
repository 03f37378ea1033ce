"use client";

import { ErrorNotice } from "@/components/ui/error-notice";

/** A segment that failed to render: the calm outage notice or the plain apology (see ErrorNotice). */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section role="alert" className="py-16 text-center">
      <ErrorNotice
        error={error}
        reset={reset}
        apology={{ title: "Something went wrong", text: "We could not load this page. Please try again in a moment." }}
        retry="Try again"
        textClassName="mx-auto mt-2 max-w-md"
      />
    </section>
  );
}
