import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { appUrl } from "@/lib/env";
import { membersOnly } from "@/lib/site-access/gate";

/**
 * Crawl everything but the JSON API and personal settings; the sitemap lists the pages. A members-only site
 * asks crawlers to stay out altogether (they would meet only the sign-in page).
 */
export default async function robots(): Promise<MetadataRoute.Robots> {
  // Per request, so the sitemap URL follows the running server's APP_URL rather than the build's.
  await connection();
  if (membersOnly()) return { rules: { userAgent: "*", disallow: "/" } };
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/api/", "/settings"] },
    sitemap: `${appUrl()}/sitemap.xml`,
  };
}
