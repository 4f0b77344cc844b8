import { catalogQuerySchema, listCatalog } from "@/lib/apps/list-catalog";
import { consoleRoute } from "@/lib/http/console-route";

export const dynamic = "force-dynamic";

// GET /api/catalog – the catalog entries, ?q= words and ?category=.
export const GET = consoleRoute(async (request) => {
  const url = new URL(request.url);
  const query = catalogQuerySchema.parse(Object.fromEntries(url.searchParams));

  return Response.json({ entries: await listCatalog(query) });
});
