"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { z } from "zod";
import { actionFailure } from "@/lib/actions/action-failure";
import { signIn, signOut } from "@/lib/auth/config";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { captureAuthErrors, singleSignOnErrorPath, singleSignOnFailure } from "@/lib/auth/sign-in-failures";
import { allowSignInEmail, signInEmailSchema } from "@/lib/auth/sign-in-limits";
import { checkSignInAddress } from "@/lib/auth/sign-in-policy";
import type { ActionResult } from "@/lib/actions/result";
import { firstIssueMessage } from "@/lib/validation";

const emailSignInSchema = z.object({
  email: signInEmailSchema,
  callbackUrl: z.string().max(2000).optional(),
});

/**
 * Sends a magic sign-in link, then shows the "check your email" page. For signed-out readers, so not an
 * `authAction`; it validates the address and applies the sign-in mail limits itself.
 */
export async function requestEmailSignIn(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  // One address per request: with two, which one is counted and which one mailed must not differ.
  if (formData.getAll("email").length > 1) {
    return { ok: false, code: "INVALID_INPUT", message: "Enter one email address." };
  }
  const parsed = emailSignInSchema.safeParse({
    email: formData.get("email") ?? undefined,
    callbackUrl: formData.get("callbackUrl") ?? undefined,
  });
  if (!parsed.success) return { ok: false, code: "INVALID_INPUT", message: firstIssueMessage(parsed.error) };
  try {
    const allowance = await allowSignInEmail(parsed.data.email, await headers());
    if (!allowance.allowed) return { ok: false, code: "RATE_LIMITED", message: allowance.message };
    // Refused here, before Auth.js is asked: no mail goes to an address that may not sign in.
    const verdict = await checkSignInAddress(parsed.data.email);
    if (!verdict.allowed) return { ok: false, code: "FORBIDDEN", message: verdict.message };
    const landing = await signIn("nodemailer", {
      email: parsed.data.email,
      redirectTo: safeRedirectPath(parsed.data.callbackUrl),
      redirect: false,
    });
    // Auth.js's own refusal (its signIn callback, lib/auth/config.ts) sends no mail either.
    if (typeof landing === "string" && new URL(landing, "http://localhost").searchParams.has("error")) {
      return { ok: false, code: "FORBIDDEN", message: "We could not send a sign-in link to that address." };
    }
  } catch (error) {
    if (error instanceof AuthError) {
      console.error("[auth] sending the sign-in link failed", error);
      return { ok: false, code: "SIGN_IN_FAILED", message: "We could not send the sign-in email. Please try again." };
    }
    return actionFailure(error);
  }
  redirect("/signin/check-email");
}

/** Starts GitHub sign-in. */
export async function signInWithGitHub(formData: FormData): Promise<void> {
  await signIn("github", { redirectTo: safeRedirectPath(formData.get("callbackUrl")) });
}

/**
 * Starts single sign-on (the OpenID Connect provider): to the provider's sign-in page, or back to ours with the
 * reason when it cannot start (the provider does not answer).
 */
export async function signInWithOidc(formData: FormData): Promise<void> {
  let target: string;
  try {
    const { result: location, error } = await captureAuthErrors(() =>
      signIn("oidc", { redirectTo: safeRedirectPath(formData.get("callbackUrl")), redirect: false }),
    );
    const url = typeof location === "string" ? location : null;
    target = singleSignOnErrorPath(url, error) ?? url ?? "/signin?error=OidcFailed";
  } catch (error) {
    // Auth.js throws its own errors at a server action rather than redirecting.
    if (!(error instanceof AuthError)) throw error;
    target = `/signin?error=${singleSignOnFailure(error)}`;
  }
  redirect(target);
}

/** Signs out and returns to the home page. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
