import { consoleRoute } from "@/lib/http/console-route";
import { listTerminals } from "@/lib/terminals/list-terminals";
import { revokeOtherTerminals } from "@/lib/terminals/revoke-terminals";

export const dynamic = "force-dynamic";

// GET /api/terminals – the paired terminals, the current one marked.
export const GET = consoleRoute(async (_request, { terminal }) => {
  return Response.json({ terminals: await listTerminals(terminal.id) });
});

// DELETE /api/terminals – sign out every other device.
export const DELETE = consoleRoute(async (_request, { terminal, clientAddress }) => {
  const revoked = await revokeOtherTerminals({ terminalId: terminal.id, clientAddress });

  return Response.json({ revoked });
});
