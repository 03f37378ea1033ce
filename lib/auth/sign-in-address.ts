/**
 * The address (and return path) a sign-in link was last asked for in this tab, so the check-your-email page
 * can say where the link went and send another. sessionStorage: it stays in this tab and is gone with it.
 */
export interface SignInRequest {
  email: string;
  callbackUrl: string;
  /** When the link was asked for (ms since epoch). */
  at: number;
}

const KEY = "daily-papers:sign-in-request";
const EVENT = "daily-papers:sign-in-request";

export function rememberSignInRequest(email: string, callbackUrl: string): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ email, callbackUrl, at: Date.now() }));
    window.dispatchEvent(new Event(EVENT));
  } catch {
    // Storage unavailable: the page just does not name the address.
  }
}

/** The stored request as its raw string (a stable snapshot for useSyncExternalStore). */
export function signInRequestSnapshot(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function parseSignInRequest(raw: string | null): SignInRequest | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<SignInRequest>;
    return typeof value.email === "string" && typeof value.callbackUrl === "string" && typeof value.at === "number"
      ? { email: value.email, callbackUrl: value.callbackUrl, at: value.at }
      : null;
  } catch {
    return null;
  }
}

export function subscribeToSignInRequest(onChange: () => void): () => void {
  window.addEventListener(EVENT, onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(EVENT, onChange);
    window.removeEventListener("storage", onChange);
  };
}
