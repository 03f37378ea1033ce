import { generateKeyPairSync, randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { decodeJwt, importJWK, SignJWT, type JWK } from "jose";
import Provider, { type KoaContextWithOIDC } from "oidc-provider";
import { LAB_URL, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_ISSUER, OIDC_PORT } from "./lab-site";

/** A person the provider knows, and what it says about their address. */
export interface OidcAccount {
  sub: string;
  email: string;
  email_verified: boolean;
  name: string;
}

/**
 * How the provider's token endpoint misbehaves: its ID token re-signed with a wrong claim, or the connection
 * dropped without an answer (the endpoint down after the person consented).
 */
export type TokenTampering = "none" | "wrong-audience" | "expired" | "token-endpoint-down";

/**
 * A real OpenID Connect provider (`oidc-provider`) on OIDC_PORT for the lab site: the client of
 * e2e/support/lab-site.ts, accounts the tests add, and its own login and consent pages (a form each, with
 * labels, as a person would use them). `tamper` makes the token endpoint's ID token wrong in one claim, re-signed
 * with the provider's own key, so only the claim check can refuse it.
 */
export class TestOidcProvider {
  readonly accounts = new Map<string, OidcAccount>();
  tamper: TokenTampering = "none";
  private server: http.Server | null = null;
  private readonly jwk: JWK;

  constructor() {
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    this.jwk = { ...(privateKey.export({ format: "jwk" }) as JWK), kid: "e2e", alg: "RS256", use: "sig" };
  }

  /** Adds a person with a fresh subject and returns them. */
  addAccount(email: string, { verified = true, name = "Lab Member" } = {}): OidcAccount {
    const account = { sub: `sub-${randomUUID()}`, email, email_verified: verified, name };
    this.accounts.set(account.sub, account);
    return account;
  }

  async start(): Promise<void> {
    if (this.server) return;
    const provider = this.provider();
    const oidc = provider.callback();
    this.server = http.createServer((req, res) => {
      const match = /^\/interaction\/([^/?]+)(\/[a-z]+)?/.exec(req.url ?? "");
      if (!match) return void oidc(req, res);
      this.interaction(provider, req, res, match[2] ?? "").catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(OIDC_PORT, "127.0.0.1", resolve));
    if ((this.server.address() as AddressInfo).port !== OIDC_PORT) throw new Error("The provider is not on OIDC_PORT.");
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private provider(): Provider {
    const provider = new Provider(OIDC_ISSUER, {
      clients: [
        {
          client_id: OIDC_CLIENT_ID,
          client_secret: OIDC_CLIENT_SECRET,
          redirect_uris: [`${LAB_URL}/api/auth/callback/oidc`],
          grant_types: ["authorization_code"],
          response_types: ["code"],
        },
      ],
      jwks: { keys: [this.jwk] },
      claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
      features: { devInteractions: { enabled: false } },
      interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
      findAccount: (_ctx, sub) => {
        const account = this.accounts.get(sub);
        return account ? { accountId: sub, claims: () => ({ ...account }) } : undefined;
      },
      cookies: { keys: ["e2e-oidc-cookie-key"] },
      ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
    });
    provider.proxy = false;
    provider.use(async (ctx: KoaContextWithOIDC, next) => {
      if (ctx.path === "/token" && this.tamper === "token-endpoint-down") {
        ctx.req.socket.destroy();
        return;
      }
      await next();
      if (ctx.path === "/token" && this.tamper !== "none") await this.tamperWith(ctx);
    });
    return provider;
  }

  /** Re-signs the token response's ID token with a wrong `aud` or a past `exp`. */
  private async tamperWith(ctx: KoaContextWithOIDC): Promise<void> {
    const body = ctx.body as { id_token?: string } | undefined;
    if (!body?.id_token) return;
    const claims = decodeJwt(body.id_token);
    const now = Math.floor(Date.now() / 1000);
    const changed =
      this.tamper === "wrong-audience"
        ? { ...claims, aud: "another-client" }
        : { ...claims, iat: now - 7200, exp: now - 3600 };
    const key = await importJWK(this.jwk, "RS256");
    body.id_token = await new SignJWT(changed).setProtectedHeader({ alg: "RS256", kid: "e2e" }).sign(key);
    ctx.body = body;
  }

  /** The login page (GET), the login (POST …/login), and the consent page and its answer (POST …/consent). */
  private async interaction(
    provider: Provider,
    req: http.IncomingMessage,
    res: http.ServerResponse,
    step: string,
  ): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    const uid = details.uid;
    if (req.method === "GET") {
      const login = details.prompt.name === "login";
      return page(
        res,
        login ? "Lab ID: sign in" : "Lab ID: allow access",
        login
          ? `<form method="post" action="/interaction/${uid}/login">
               <label>Username <input name="login" autofocus></label>
               <button type="submit">Sign in to Lab ID</button>
             </form>`
          : `<p>Daily Papers asks for your name and email address.</p>
             <form method="post" action="/interaction/${uid}/consent">
               <button type="submit" name="decision" value="allow">Allow</button>
               <button type="submit" name="decision" value="deny">Deny</button>
             </form>`,
      );
    }
    const form = new URLSearchParams(await bodyOf(req));
    if (step === "/login") {
      const sub = form.get("login") ?? "";
      const result = this.accounts.has(sub)
        ? { login: { accountId: sub } }
        : { error: "access_denied", error_description: "Unknown user" };
      return provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
    }
    if (form.get("decision") !== "allow") {
      return provider.interactionFinished(
        req,
        res,
        { error: "access_denied", error_description: "End-User refused consent" },
        { mergeWithLastSubmission: false },
      );
    }
    const grant = new provider.Grant({ accountId: details.session!.accountId, clientId: OIDC_CLIENT_ID });
    grant.addOIDCScope("openid email profile");
    return provider.interactionFinished(
      req,
      res,
      { consent: { grantId: await grant.save() } },
      {
        mergeWithLastSubmission: true,
      },
    );
  }
}

function page(res: http.ServerResponse, title: string, body: string): void {
  res.setHeader("content-type", "text/html; charset=utf-8");
  res.end(
    `<!doctype html><html lang="en"><head><title>${title}</title></head><body><h1>${title}</h1>${body}</body></html>`,
  );
}

async function bodyOf(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
