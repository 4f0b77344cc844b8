import { activityQuerySchema, listEvents } from "@/lib/audit/list-events";
import { consoleRoute } from "@/lib/http/console-route";

export const dynamic = "force-dynamic";

// GET /api/activity – the audit log, newest first; ?before=ID&limit=N pages back.
export const GET = consoleRoute(async (request) => {
  const url = new URL(request.url);
  const query = activityQuerySchema.parse(Object.fromEntries(url.searchParams));

  return Response.json(await listEvents(query));
});
