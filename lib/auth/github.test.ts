import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gitHubProvider, verifiedGitHubAddress } from "@/lib/auth/github";

describe("the address a GitHub account signs in with", () => {
  it("is one GitHub verified: the primary if it is, else another", () => {
    expect(
      verifiedGitHubAddress([
        { email: "Ada@Lab.Example.org", primary: true, verified: true },
        { email: "ada@home.example", primary: false, verified: true },
      ]),
    ).toBe("ada@lab.example.org");
    expect(
      verifiedGitHubAddress([
        { email: "mallory@lab.example.org", primary: true, verified: false },
        { email: "mallory@home.example", primary: false, verified: true },
      ]),
    ).toBe("mallory@home.example");
  });

  it("is none when GitHub verified none, or answered something else", () => {
    expect(verifiedGitHubAddress([{ email: "mallory@lab.example.org", primary: true, verified: false }])).toBeNull();
    expect(verifiedGitHubAddress([{ email: "m@lab.example.org", primary: true, verified: "true" }])).toBeNull();
    expect(verifiedGitHubAddress([])).toBeNull();
    expect(verifiedGitHubAddress({ message: "Bad credentials" })).toBeNull();
    expect(verifiedGitHubAddress([null, 3, { email: 5, verified: true }])).toBeNull();
  });
});

describe("the GitHub provider's account request, against a stand-in for GitHub's API", () => {
  let emails: unknown = [];
  let emailsStatus = 200;
  const seen: { path: string; authorization?: string }[] = [];
  const server = http.createServer((request, response) => {
    seen.push({ path: request.url ?? "", authorization: request.headers.authorization });
    response.setHeader("Content-Type", "application/json");
    if (request.url === "/user") {
      // A public address on the profile is not taken: only /user/emails says whether it was verified.
      response.end(JSON.stringify({ id: 42, login: "mallory", name: null, email: "public@lab.example.org" }));
    } else if (request.url === "/user/emails") {
      response.statusCode = emailsStatus;
      response.end(JSON.stringify(emails));
    } else {
      response.statusCode = 404;
      response.end("{}");
    }
  });
  let api = "";
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  async function profileFor(): Promise<Record<string, unknown>> {
    const provider = gitHubProvider("id", "secret", api);
    const userinfo = provider.options?.userinfo;
    if (typeof userinfo !== "object" || !userinfo?.request) throw new Error("no account request");
    const request = userinfo.request as (context: { tokens: { access_token: string } }) => Promise<unknown>;
    return (await request({ tokens: { access_token: "gho_token" } })) as Record<string, unknown>;
  }

  it("keeps only a verified address, asked for with the member's token", async () => {
    emails = [
      { email: "mallory@lab.example.org", primary: true, verified: false },
      { email: "mallory@home.example", primary: false, verified: true },
    ];
    emailsStatus = 200;
    const profile = await profileFor();
    expect(profile).toMatchObject({ id: 42, login: "mallory", email: "mallory@home.example" });
    expect(seen.slice(-2)).toEqual([
      { path: "/user", authorization: "Bearer gho_token" },
      { path: "/user/emails", authorization: "Bearer gho_token" },
    ]);
  });

  it("gives no address when none is verified or the list is refused", async () => {
    emails = [{ email: "mallory@lab.example.org", primary: true, verified: false }];
    expect((await profileFor()).email).toBeNull();
    emailsStatus = 403;
    emails = { message: "Resource not accessible by integration" };
    expect((await profileFor()).email).toBeNull();
  });
});
