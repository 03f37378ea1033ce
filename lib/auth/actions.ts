"use server";

import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn, signOut } from "@/lib/auth/config";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import type { ActionResult } from "@/lib/action-result";

const emailSignInSchema = z.object({
  email: z.email("Enter a valid email address.").max(254),
  callbackUrl: z.string().max(2000).optional(),
});

/** Sends a magic sign-in link, then shows the "check your email" page. */
export async function requestEmailSignIn(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const parsed = emailSignInSchema.safeParse({
    email: formData.get("email"),
    callbackUrl: formData.get("callbackUrl") ?? undefined,
  });
  if (!parsed.success)
    return { ok: false, code: "INVALID_INPUT", message: parsed.error.issues[0]?.message ?? "Invalid input." };
  try {
    await signIn("nodemailer", {
      email: parsed.data.email,
      redirectTo: safeRedirectPath(parsed.data.callbackUrl),
      redirect: false,
    });
  } catch (error) {
    if (error instanceof AuthError) {
      console.error("[auth] sending the sign-in link failed", error);
      return { ok: false, code: "SIGN_IN_FAILED", message: "We could not send the sign-in email. Please try again." };
    }
    throw error;
  }
  redirect("/signin/check-email");
}

/** Starts GitHub sign-in. */
export async function signInWithGitHub(formData: FormData): Promise<void> {
  await signIn("github", { redirectTo: safeRedirectPath(formData.get("callbackUrl")) });
}

/** Signs out and returns to the home page. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
