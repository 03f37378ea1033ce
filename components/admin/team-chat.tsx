import { ActionForm } from "@/components/admin/action-form";
import { AdminButton, adminInput } from "@/components/admin/admin-ui";
import {
  addChatWebhookAction,
  deleteChatWebhookAction,
  sendChatTestPostAction,
  setChatWebhookEnabledAction,
} from "@/lib/chat/actions";
import { CHAT_FORMATS, CHAT_FORMAT_LABELS, MAX_TOP_COUNT, type ChatWebhookRow } from "@/lib/chat/schema";

function when(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

const label = "text-xs font-medium text-zinc-600 dark:text-zinc-400";

/** The form that adds a webhook: name, chat, URL, how many papers, featured too, private addresses. */
function AddWebhookForm() {
  return (
    <ActionForm
      action={addChatWebhookAction}
      label="Add a team chat webhook"
      className="grid gap-3 sm:grid-cols-[1fr_auto_auto] sm:items-end"
    >
      <div className="flex flex-col gap-1">
        <label htmlFor="chat-name" className={label}>
          Name
        </label>
        <input
          id="chat-name"
          name="name"
          required
          maxLength={80}
          placeholder="#papers on the lab's Slack"
          className={adminInput}
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="chat-format" className={label}>
          Chat
        </label>
        <select id="chat-format" name="format" defaultValue="SLACK" className={adminInput}>
          {CHAT_FORMATS.map((format) => (
            <option key={format} value={format}>
              {CHAT_FORMAT_LABELS[format]}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="chat-top" className={label}>
          Top papers a day
        </label>
        <input
          id="chat-top"
          name="topCount"
          type="number"
          min={1}
          max={MAX_TOP_COUNT}
          defaultValue={5}
          required
          className={`${adminInput} w-24`}
        />
      </div>
      <div className="flex flex-col gap-1 sm:col-span-3">
        <label htmlFor="chat-url" className={label}>
          Incoming webhook URL
        </label>
        <input
          id="chat-url"
          name="url"
          type="url"
          required
          autoComplete="off"
          spellCheck={false}
          placeholder="https://hooks.slack.com/services/…"
          aria-describedby="chat-url-note"
          className={`${adminInput} font-mono`}
        />
        <p id="chat-url-note" className="text-xs text-zinc-500 dark:text-zinc-400">
          A secret: it is kept, but never shown again in full.
        </p>
      </div>
      <div className="flex flex-col gap-2 text-sm sm:col-span-3">
        <label className="flex items-start gap-2">
          <input type="checkbox" name="postFeatured" className="mt-1" />
          <span>Also post each paper as it is featured</span>
        </label>
        <label className="flex items-start gap-2">
          <input type="checkbox" name="allowPrivate" className="mt-1" aria-describedby="chat-private-note" />
          <span>
            Allow private and loopback addresses
            <span id="chat-private-note" className="block text-xs text-zinc-500 dark:text-zinc-400">
              Only for a chat server on your own network: otherwise the URL may not point at this machine or its
              network.
            </span>
          </span>
        </label>
      </div>
      <div className="sm:col-span-3">
        <AdminButton>Add webhook</AdminButton>
      </div>
    </ActionForm>
  );
}

/** One webhook: name, chat, masked URL, choices, last success and error, and its buttons. */
function WebhookRow({ webhook }: { webhook: ChatWebhookRow }) {
  const choices = [
    CHAT_FORMAT_LABELS[webhook.format],
    `top ${webhook.topCount} daily`,
    webhook.postFeatured ? "featured papers too" : null,
    webhook.allowPrivate ? "private addresses allowed" : null,
  ].filter(Boolean);
  const errorIsLatest =
    webhook.lastError && webhook.lastErrorAt && (!webhook.lastSuccessAt || webhook.lastErrorAt > webhook.lastSuccessAt);
  return (
    <li className="space-y-2 py-3" aria-label={webhook.name}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <span className="font-medium">
          {webhook.name}
          {webhook.enabled ? null : (
            <span className="ml-2 rounded bg-zinc-100 px-1.5 py-0.5 text-xs font-normal text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">
              off
            </span>
          )}
        </span>
        <span className="text-xs text-zinc-500 dark:text-zinc-400">{choices.join(" · ")}</span>
      </div>
      <p className="font-mono text-xs break-all text-zinc-600 dark:text-zinc-400">{webhook.maskedUrl}</p>
      <dl className="grid gap-x-3 gap-y-1 text-xs sm:grid-cols-[auto_1fr]">
        <dt className="text-zinc-500 dark:text-zinc-400">Last success</dt>
        <dd>{webhook.lastSuccessAt ? when(webhook.lastSuccessAt) : "None yet"}</dd>
        {webhook.lastError && webhook.lastErrorAt ? (
          <>
            <dt className="text-zinc-500 dark:text-zinc-400">Last error</dt>
            <dd className={errorIsLatest ? "text-red-700 dark:text-red-400" : ""}>
              {webhook.lastError}{" "}
              <span className="text-zinc-500 dark:text-zinc-400">({when(webhook.lastErrorAt)})</span>
            </dd>
          </>
        ) : null}
      </dl>
      <div className="flex flex-wrap items-start gap-2">
        <ActionForm
          action={setChatWebhookEnabledAction}
          label={`Turn ${webhook.name} on or off`}
          className="flex flex-wrap gap-2"
        >
          <input type="hidden" name="webhookId" value={webhook.id} />
          {webhook.enabled ? (
            <AdminButton name="intent" value="disable" label={`Turn ${webhook.name} off`}>
              Turn off
            </AdminButton>
          ) : (
            <AdminButton name="intent" value="enable" label={`Turn ${webhook.name} on`}>
              Turn on
            </AdminButton>
          )}
        </ActionForm>
        <ActionForm action={deleteChatWebhookAction} label={`Delete ${webhook.name}`} className="flex flex-wrap gap-2">
          <input type="hidden" name="webhookId" value={webhook.id} />
          <AdminButton danger label={`Delete ${webhook.name}`}>
            Delete
          </AdminButton>
        </ActionForm>
        <ActionForm
          action={sendChatTestPostAction}
          label={`Send a test post to ${webhook.name}`}
          className="flex flex-wrap gap-2"
        >
          <input type="hidden" name="webhookId" value={webhook.id} />
          <AdminButton label={`Send a test post to ${webhook.name}`}>Send a test post</AdminButton>
        </ActionForm>
      </div>
    </li>
  );
}

/** The Team chat section of /admin: the webhooks with their state, and the form that adds one. */
export function TeamChat({ webhooks }: { webhooks: ChatWebhookRow[] }) {
  return (
    <div className="space-y-4">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Each webhook gets the previous day&apos;s top papers every morning, with the email digest, and optionally each
        paper as it is featured. Where to find a Slack, Discord or Mattermost webhook URL: docs/team-chat.md.
      </p>
      {webhooks.length ? (
        <ul className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800" aria-label="Team chat webhooks">
          {webhooks.map((webhook) => (
            <WebhookRow key={webhook.id} webhook={webhook} />
          ))}
        </ul>
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No team chat gets posts yet.</p>
      )}
      <div className="space-y-3 border-t border-zinc-100 pt-4 dark:border-zinc-800">
        <h3 className="text-sm font-semibold">Add a webhook</h3>
        <AddWebhookForm />
      </div>
    </div>
  );
}
