import { appNameSchema } from "@/lib/apps/app-name";
import { getApp } from "@/lib/apps/list-apps";
import { requestStop } from "@/lib/apps/stop-app";
import { consoleRoute } from "@/lib/http/console-route";

export const dynamic = "force-dynamic";

// POST /api/apps/:name/stop – stop the app; it shows stopping at once.
export const POST = consoleRoute(async (_request, { terminal, clientAddress, params }) => {
  const name = appNameSchema.parse(params.name);
  await requestStop(name, { terminalId: terminal.id, clientAddress });

  return Response.json({ app: await getApp(name) }, { status: 202 });
});
