import { handlers } from "@/lib/auth/config";
import { guardAuthRoute } from "@/lib/auth/route-guard";

export const GET = guardAuthRoute(handlers.GET);
export const POST = guardAuthRoute(handlers.POST);
