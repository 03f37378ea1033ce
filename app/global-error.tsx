"use client";

import "./globals.css";

export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="grid min-h-screen place-items-center p-6 font-sans">
        <div role="alert" className="text-center">
          <h1 className="text-2xl font-semibold">Daily Papers is having trouble</h1>
          <p className="mt-2 text-zinc-600">Please reload the page in a moment.</p>
          <button type="button" onClick={reset} className="mt-6 rounded-md bg-zinc-900 px-4 py-2 text-sm text-white">
            Reload
          </button>
        </div>
      </body>
    </html>
  );
}
