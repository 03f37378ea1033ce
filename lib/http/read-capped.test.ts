import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { readCapped } from "@/lib/http/read-capped";

describe("a body read up to a size", () => {
  it("is whole up to the size, and null past it, reading no further", async () => {
    const chunks = [Buffer.from("ab"), Buffer.from("cd"), Buffer.from("ef")];
    expect((await readCapped(Readable.from(chunks), 6))?.toString()).toBe("abcdef");
    expect((await readCapped(Readable.from([]), 6))?.toString()).toBe("");
    let pulled = 0;
    async function* counted() {
      for (const chunk of chunks) {
        pulled++;
        yield chunk;
      }
    }
    expect(await readCapped(counted(), 3)).toBeNull();
    expect(pulled).toBe(2);
  });
});
