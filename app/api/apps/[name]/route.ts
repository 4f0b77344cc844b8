import { appNameSchema } from "@/lib/apps/app-name";
import { getApp } from "@/lib/apps/list-apps";
import { requestUninstall } from "@/lib/apps/uninstall-app";
import { consoleRoute } from "@/lib/http/console-route";

export const dynamic = "force-dynamic";

// GET /api/apps/:name – one app with its state and its last log lines.
export const GET = consoleRoute(async (_request, { params }) => {
  return Response.json({ app: await getApp(appNameSchema.parse(params.name)) });
});

// DELETE /api/apps/:name – uninstall; ?keepData=false also deletes its data.
export const DELETE = consoleRoute(async (request, { terminal, clientAddress, params }) => {
  const name = appNameSchema.parse(params.name);
  const keepData = new URL(request.url).searchParams.get("keepData") !== "false";
  await requestUninstall(
    name,
    { deleteData: !keepData },
    { terminalId: terminal.id, clientAddress },
  );

  return Response.json({ app: await getApp(name) }, { status: 202 });
});
