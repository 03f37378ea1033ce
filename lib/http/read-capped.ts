/**
 * The bytes of `body` while they are at most `maxBytes`; null as soon as there are more (the rest is not read, and
 * leaving the loop ends a Node stream). For bodies a sender controls: an upstream's answer, a client's request.
 */
export async function readCapped(body: AsyncIterable<Uint8Array>, maxBytes: number): Promise<Buffer | null> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > maxBytes) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
