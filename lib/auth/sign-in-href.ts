/** The sign-in page, coming back to `returnTo` (a path on this site) once the reader is signed in. Universal. */
export function signInHref(returnTo: string): string {
  return `/signin?callbackUrl=${encodeURIComponent(returnTo)}`;
}
