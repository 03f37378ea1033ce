"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition, type FormEvent } from "react";
import { FormStatus, SubmitButton } from "@/components/ui/form-status";
import type { ActionResult } from "@/lib/actions/result";
import { exactTime, timeAgo } from "@/lib/dates/time-ago";
import { createAccessTokenAction, revokeAccessTokenAction } from "@/lib/tokens/actions";
import { TOKEN_NAME_MAX, type TokenSummary } from "@/lib/tokens/schema";

const section = "rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900";
const secondary =
  "rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium focus-ring hover:border-zinc-500 aria-disabled:opacity-60 dark:border-zinc-700 dark:hover:border-zinc-500";

/**
 * Settings' "Tokens for agents": the member's personal access tokens for the MCP server (lib/tokens/). A new
 * token's secret is shown once, here, with how to give it to an MCP client; the list says each token's name,
 * rights and use, and revokes one after a second press.
 */
export function AccessTokensSection({ tokens, mcpUrl }: { tokens: TokenSummary[]; mcpUrl: string }) {
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  return (
    <section id="tokens" aria-labelledby="tokens-heading" className={`${section} scroll-mt-20`}>
      <h2 id="tokens-heading" className="text-lg font-semibold">
        Tokens for agents
      </h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        A personal token lets an AI agent use this site&apos;s MCP server as you: your For you, your collections and
        those shared with you, and — if you allow it — upvoting. Anyone with the token can do the same, so keep it
        secret, and revoke it when the agent no longer needs it.
      </p>
      {created ? (
        <NewToken name={created.name} secret={created.secret} mcpUrl={mcpUrl} onDone={() => setCreated(null)} />
      ) : null}
      <TokenList tokens={tokens} />
      <CreateTokenForm onCreated={setCreated} />
    </section>
  );
}

/** A token just made: its secret, this once, a copy button, and how to configure an MCP client with it. */
function NewToken({
  name,
  secret,
  mcpUrl,
  onDone,
}: {
  name: string;
  secret: string;
  mcpUrl: string;
  onDone: () => void;
}) {
  const id = useId();
  const [copied, setCopied] = useState<string>("");
  const config = JSON.stringify(
    { mcpServers: { "daily-papers": { type: "http", url: mcpUrl, headers: { Authorization: `Bearer ${secret}` } } } },
    null,
    2,
  );

  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied("Copied.");
    } catch {
      setCopied("Your browser did not let us copy: select the token and copy it yourself.");
    }
  }

  return (
    <div
      role="region"
      aria-labelledby={`${id}-heading`}
      className="mt-4 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-800 dark:bg-amber-950/40"
    >
      <h3 id={`${id}-heading`} className="font-medium">
        Your new token “{name}”
      </h3>
      <p className="mt-1 text-zinc-700 dark:text-zinc-300">
        Copy it now: it is shown only this once. We keep only a fingerprint of it, so it cannot be shown again.
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <label htmlFor={`${id}-secret`} className="sr-only">
          Token
        </label>
        <input
          id={`${id}-secret`}
          readOnly
          value={secret}
          onFocus={(event) => event.currentTarget.select()}
          className="min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-2 py-1.5 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-900"
        />
        <button type="button" onClick={() => void copy()} className={secondary}>
          Copy token
        </button>
      </div>
      <p role="status" aria-live="polite" className="mt-1 min-h-5 text-green-700 dark:text-green-400">
        {copied}
      </p>
      <p className="mt-2 text-zinc-700 dark:text-zinc-300">
        In your MCP client, add the server <code className="font-mono text-xs break-all">{mcpUrl}</code> (Streamable
        HTTP) with the header <code className="font-mono text-xs break-all">Authorization: Bearer {secret}</code>. Most
        clients take a configuration like this:
      </p>
      <pre
        tabIndex={0}
        className="mt-2 overflow-x-auto rounded-md bg-white p-3 font-mono text-xs focus-ring dark:bg-zinc-900"
      >
        {config}
      </pre>
      <div className="mt-3">
        <button type="button" onClick={onDone} className={secondary}>
          Done, I have copied it
        </button>
      </div>
    </div>
  );
}

function TokenList({ tokens }: { tokens: TokenSummary[] }) {
  const [status, setStatus] = useState<ActionResult | null>(null);
  return (
    <div className="mt-4">
      <h3 className="font-medium">Your tokens</h3>
      {tokens.length === 0 ? (
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">None yet.</p>
      ) : (
        <ul className="mt-2 divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {tokens.map((token) => (
            <TokenRow key={token.id} token={token} onResult={setStatus} />
          ))}
        </ul>
      )}
      <FormStatus
        state={status}
        saved="Revoked: requests with that token are refused from now on."
        className="mt-1 text-sm"
      />
    </div>
  );
}

function When({ date }: { date: Date }) {
  // The server and the browser may disagree by a minute on "how long ago"; the browser's word is the fresher.
  return (
    <time dateTime={date.toISOString()} title={exactTime(date)} suppressHydrationWarning>
      {timeAgo(date)}
    </time>
  );
}

/** One token: its name, rights and use, and Revoke, which asks once more before it acts. */
function TokenRow({ token, onResult }: { token: TokenSummary; onResult: (result: ActionResult) => void }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();

  function revoke() {
    if (pending) return;
    startTransition(async () => {
      const result = await revokeAccessTokenAction({ tokenId: token.id });
      onResult(result);
      setConfirming(false);
      if (result.ok) router.refresh();
    });
  }

  return (
    <li className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 px-3 py-2.5">
      <div className="min-w-0">
        <p className="flex flex-wrap items-center gap-2">
          <span className="font-medium break-words">{token.name}</span>
          {token.mayVote ? (
            <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900 dark:bg-amber-900 dark:text-amber-100">
              may vote
            </span>
          ) : (
            <span className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
              read only
            </span>
          )}
        </p>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          Created <When date={token.createdAt} /> ·{" "}
          {token.lastUsedAt ? (
            <>
              last used <When date={token.lastUsedAt} />
            </>
          ) : (
            "never used"
          )}
        </p>
      </div>
      {confirming ? (
        <div role="group" aria-label={`Revoke “${token.name}”?`} className="flex flex-wrap items-center gap-2 text-sm">
          <span>Revoke it? Agents using it stop working.</span>
          <button
            type="button"
            onClick={revoke}
            aria-disabled={pending}
            className="rounded-md bg-red-600 px-3 py-1.5 text-sm font-medium text-white focus-ring hover:bg-red-700 aria-disabled:opacity-60"
          >
            {pending ? "Revoking…" : "Yes, revoke"}
          </button>
          <button type="button" onClick={() => setConfirming(false)} className={secondary}>
            Cancel
          </button>
        </div>
      ) : (
        <button
          type="button"
          onClick={() => setConfirming(true)}
          aria-label={`Revoke “${token.name}”`}
          className={secondary}
        >
          Revoke
        </button>
      )}
    </li>
  );
}

/** Makes a token: its name and whether it may vote. The name typed stays when it is refused. */
function CreateTokenForm({ onCreated }: { onCreated: (created: { name: string; secret: string }) => void }) {
  const router = useRouter();
  const id = useId();
  const [state, setState] = useState<ActionResult | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = event.currentTarget;
    const input = new FormData(form);
    startTransition(async () => {
      const result = await createAccessTokenAction(input);
      setState(result.ok ? null : result);
      if (!result.ok) return;
      form.reset();
      onCreated({ name: result.token.name, secret: result.secret });
      router.refresh();
    });
  }

  return (
    <form onSubmit={submit} className="mt-5 border-t border-zinc-200 pt-4 dark:border-zinc-800">
      <h3 className="font-medium">New token</h3>
      <div className="mt-2 flex flex-wrap items-end gap-x-4 gap-y-3">
        <div className="flex min-w-48 flex-1 flex-col gap-1">
          <label htmlFor={`${id}-name`} className="text-xs text-zinc-600 dark:text-zinc-400">
            Name
          </label>
          <input
            id={`${id}-name`}
            name="name"
            required
            autoComplete="off"
            maxLength={TOKEN_NAME_MAX}
            placeholder="Claude on my laptop"
            className="rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900"
          />
        </div>
        <label className="flex items-center gap-2 py-1.5 text-sm">
          <input
            type="checkbox"
            name="mayVote"
            className="size-4 rounded border-zinc-300 accent-amber-600 dark:border-zinc-700"
          />
          May vote
        </label>
        <SubmitButton pending={pending} pendingLabel="Creating…" className="py-1.5 text-sm">
          Create token
        </SubmitButton>
      </div>
      <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
        Without “May vote” the token only reads. With it, the agent can upvote papers and take upvotes back as you.
      </p>
      <FormStatus state={state} className="mt-1 text-sm" />
    </form>
  );
}
