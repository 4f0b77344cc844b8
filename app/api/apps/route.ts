import { catalogErrorResponse } from "@/lib/apps/catalog-error-response";
import { installRequestSchema, requestInstall } from "@/lib/apps/install-app";
import { getApp, listApps } from "@/lib/apps/list-apps";
import { readJson } from "@/lib/http/api-response";
import { consoleRoute } from "@/lib/http/console-route";

export const dynamic = "force-dynamic";

// GET /api/apps – the installed apps with their state and reason.
export const GET = consoleRoute(async () => {
  return Response.json({ apps: await listApps() });
});

// POST /api/apps – install { name, settings? }: 202, then the state moves on.
export const POST = consoleRoute(async (request, { terminal, clientAddress }) => {
  const input = installRequestSchema.parse(await readJson(request));
  try {
    await requestInstall(input, { terminalId: terminal.id, clientAddress });
  } catch (error) {
    const response = catalogErrorResponse(error);
    if (response) return response;
    throw error;
  }

  return Response.json({ app: await getApp(input.name) }, { status: 202 });
});
