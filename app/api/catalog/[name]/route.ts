import { appNameSchema } from "@/lib/apps/app-name";
import { getCatalogEntry } from "@/lib/apps/list-catalog";
import { consoleRoute } from "@/lib/http/console-route";

export const dynamic = "force-dynamic";

// GET /api/catalog/:name – one catalog entry with its settings form.
export const GET = consoleRoute(async (_request, { params }) => {
  return Response.json({ entry: await getCatalogEntry(appNameSchema.parse(params.name)) });
});
