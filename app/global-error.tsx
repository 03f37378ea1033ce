"use client";

import "./globals.css";
import { ErrorNotice } from "@/components/ui/error-notice";

/** The root layout itself failed: a whole document, calm about a database outage like app/error.tsx. */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="grid min-h-screen place-items-center bg-white p-6 font-sans text-zinc-900 dark:bg-zinc-950 dark:text-zinc-100">
        <div role="alert" className="max-w-md text-center">
          <ErrorNotice
            error={error}
            reset={reset}
            apology={{ title: "Daily Papers is having trouble", text: "Please reload the page in a moment." }}
            retry="Reload"
            textClassName="mt-2"
          />
        </div>
      </body>
    </html>
  );
}
