import type { Metadata } from "next";
import Link from "next/link";
import { CheckEmailDetails } from "@/components/auth/check-email-details";
import { DEV_MAILBOX_PATH, mailDestination, type MailDestination } from "@/lib/mail/dev-mailbox";

export const metadata: Metadata = { title: "Check your email", robots: { index: false } };

/** Where the link went, said accurately: a real inbox, this machine's mailbox, or only the server's log. */
function WhereTheLinkWent({ destination }: { destination: MailDestination }) {
  if (destination === "smtp") {
    return <>We sent you a sign-in link. Open it on this device to continue where you left off.</>;
  }
  if (destination === "mailbox") {
    return (
      <>
        This site has no mail server set up, so the sign-in link was not emailed: it is in the{" "}
        <Link
          href={DEV_MAILBOX_PATH}
          className="font-medium text-zinc-900 underline underline-offset-2 dark:text-zinc-100"
        >
          local mailbox
        </Link>{" "}
        (and the server&apos;s log). Open it in this browser to continue where you left off.
      </>
    );
  }
  return (
    <>
      This site has no mail server set up, so the sign-in link was not emailed: it was written to the server&apos;s log.
      Ask the site&apos;s operator to set one up (SMTP_URL).
    </>
  );
}

export default async function CheckEmailPage() {
  const destination = await mailDestination();
  return (
    <section className="mx-auto max-w-md py-8 text-center">
      <h1 className="text-2xl font-semibold tracking-tight">
        {destination === "smtp" ? "Check your email" : "Your sign-in link"}
      </h1>
      <p className="mt-3 text-zinc-600 dark:text-zinc-400">
        <WhereTheLinkWent destination={destination} /> It expires in 24 hours.
      </p>
      <CheckEmailDetails emailed={destination === "smtp"} />
    </section>
  );
}
