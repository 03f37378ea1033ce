import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeLibraryLinks } from "@/tools/embedded-db/postgres";

describe("the platform package's shared-library links", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "dailypapers-links-"));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it("are made from pg-symlinks.json when npm skipped the package's install script, and kept when present", () => {
    const lib = path.join(root, "native", "lib");
    fs.mkdirSync(lib, { recursive: true });
    fs.writeFileSync(path.join(lib, "libpq.so.5.18"), "library");
    fs.writeFileSync(
      path.join(root, "native", "pg-symlinks.json"),
      JSON.stringify([
        { source: "native/lib/libpq.so.5.18", target: "native/lib/libpq.so" },
        { source: "native/lib/libpq.so.5.18", target: "native/lib/libpq.so.5" },
      ]),
    );
    makeLibraryLinks(root);
    for (const name of ["libpq.so", "libpq.so.5"]) {
      expect(fs.readlinkSync(path.join(lib, name))).toBe("libpq.so.5.18");
      expect(fs.readFileSync(path.join(lib, name), "utf8")).toBe("library");
    }
    makeLibraryLinks(root);
    expect(fs.readlinkSync(path.join(lib, "libpq.so"))).toBe("libpq.so.5.18");
  });
});
