import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { appUrl } from "@/lib/env";

/** Crawl everything but the JSON API and personal settings; the sitemap lists the pages. */
export default async function robots(): Promise<MetadataRoute.Robots> {
  // Per request, so the sitemap URL follows the running server's APP_URL rather than the build's.
  await connection();
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/api/", "/settings"] },
    sitemap: `${appUrl()}/sitemap.xml`,
  };
}
