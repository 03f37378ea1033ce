import { createElement } from "react";
import { ImageResponse } from "next/og";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { OG_FONT_FAMILY, ogFonts, ogText } from "@/lib/og/fonts";

/**
 * Issue 20: `/og/<id>` for a CJK or emoji title fetched fonts and emoji from the internet while drawing and,
 * offline, dropped the answer. Here the network is off (every fetch fails and is recorded) and the card is
 * drawn the way app/og/[...id]/route.tsx draws it.
 */

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47];
let fetched: string[];

const realFetch = globalThis.fetch;

beforeEach(() => {
  fetched = [];
  vi.stubGlobal("fetch", (input: string | URL | Request, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    // The renderer loads its own WebAssembly from data: URLs, which is no network.
    if (url.startsWith("data:")) return realFetch(input, init);
    fetched.push(url);
    return Promise.reject(new TypeError("fetch failed: no network in this test"));
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

/** The card's text in the route's layout; `withFonts: false` is the card as it was drawn before. */
async function drawCard(title: string, withFonts = true): Promise<Uint8Array> {
  const drawnTitle = withFonts ? ogText(title) : title;
  const element = createElement(
    "div",
    {
      style: {
        display: "flex",
        flexDirection: "column",
        width: "100%",
        height: "100%",
        background: "#09090b",
        color: "#fafafa",
        fontFamily: OG_FONT_FAMILY,
      },
    },
    createElement("div", { style: { display: "flex", fontSize: 60, fontWeight: 700 } }, drawnTitle),
    createElement("div", { style: { display: "flex", fontSize: 26 } }, "Daily Papers ▲ 42"),
  );
  const image = new ImageResponse(element, {
    width: 1200,
    height: 630,
    ...(withFonts ? { fonts: ogFonts([drawnTitle, "Daily Papers ▲ 42"]) } : {}),
  });
  return new Uint8Array(await image.arrayBuffer());
}

describe("OpenGraph card fonts", () => {
  it("fetches from the network for an emoji title without the shipped fonts (the control)", async () => {
    await drawCard("Scaling laws 🚀 for everyone", false).catch(() => null);
    expect(fetched.length).toBeGreaterThan(0);
  });

  it.each([
    ["Chinese", "大型语言模型的推理能力研究"],
    ["Japanese", "大規模言語モデルによる推論の評価"],
    ["Korean", "대규모 언어 모델의 추론 능력"],
    ["Greek", "β-VAE and the α-divergence: Ω(n log n) bounds"],
    ["emoji", "Scaling laws 🚀 for everyone 🤗❤️👍🏽"],
    ["a mix with Cyrillic and accents", "Économie — модели 模型 ✨ naïve"],
  ])("draws a %s title offline, fetching nothing", async (_, title) => {
    const png = await drawCard(title);
    expect([...png.slice(0, 4)]).toEqual(PNG_SIGNATURE);
    expect(fetched).toEqual([]);
  });

  it("draws a character no shipped font has as □ rather than fetching one", async () => {
    // Thai and Arabic: next/og would ask Google Fonts for Noto Sans Thai / Arabic.
    expect(ogText("ภาษาไทย and العربية")).toMatch(/^□+ and □+$/);
    const png = await drawCard("ภาษาไทย and العربية");
    expect([...png.slice(0, 4)]).toEqual(PNG_SIGNATURE);
    expect(fetched).toEqual([]);
  });

  it("keeps the characters it can draw, and drops only the invisible parts of emoji sequences", () => {
    expect(ogText("注意力机制 Attention")).toBe("注意力机制 Attention");
    expect(ogText("추론 능력 β-VAE Ω")).toBe("추론 능력 β-VAE Ω");
    expect(ogText("👍🏽 ❤️ 👩‍💻")).toBe("👍 ❤ 👩💻");
  });

  it("loads only the font files a title needs", () => {
    const latin = ogFonts(["Attention is all you need"]);
    const cjk = ogFonts(["Attention is all you need 大型语言模型"]);
    expect(latin.length).toBeGreaterThan(0);
    expect(cjk.length).toBeGreaterThan(latin.length);
    expect(cjk.length).toBeLessThan(40);
    // The same text gives the same list back, which the renderer has parsed already.
    expect(ogFonts(["Attention is all you need"])).toBe(latin);
  });
});
