/**
 * Addresses sign-in must refuse, every one of which Auth.js's own check let through (issue 10): markup,
 * an IP literal, a local host, a quoted space, a list, a header injection, two `@`s, nothing, too long.
 * The unit test feeds them to the schema; the chaos test posts them to the running server.
 */
export const BAD_SIGN_IN_ADDRESSES: readonly string[] = [
  "<script>@example.com",
  "a@[127.0.0.1]",
  "a@localhost",
  '"a b"@example.com',
  "a@example.com,b@example.com",
  "a@example.com\r\nBcc: b@example.com",
  "a@b@example.com",
  "",
  `${"a".repeat(250)}@example.com`,
];
