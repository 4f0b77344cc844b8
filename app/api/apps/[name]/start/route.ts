import { appNameSchema } from "@/lib/apps/app-name";
import { getApp } from "@/lib/apps/list-apps";
import { requestStart } from "@/lib/apps/start-app";
import { consoleRoute } from "@/lib/http/console-route";

export const dynamic = "force-dynamic";

// POST /api/apps/:name/start – start the app; it shows starting at once.
export const POST = consoleRoute(async (_request, { terminal, clientAddress, params }) => {
  const name = appNameSchema.parse(params.name);
  await requestStart(name, { terminalId: terminal.id, clientAddress });

  return Response.json({ app: await getApp(name) }, { status: 202 });
});
