import { readJson } from "@/lib/http/api-response";
import { consoleRoute } from "@/lib/http/console-route";
import { revokeTerminal } from "@/lib/terminals/revoke-terminals";
import { terminalPatchSchema, updateTerminal } from "@/lib/terminals/update-terminal";

export const dynamic = "force-dynamic";

// PATCH /api/terminals/:id – rename a terminal or change its icon.
export const PATCH = consoleRoute(async (request, { terminal, clientAddress, params }) => {
  const patch = terminalPatchSchema.parse(await readJson(request));
  const updated = await updateTerminal(params.id ?? "", patch, {
    terminalId: terminal.id,
    clientAddress,
  });

  return Response.json({ terminal: updated });
});

// DELETE /api/terminals/:id – revoke at once; revoking oneself signs out.
export const DELETE = consoleRoute(async (_request, { terminal, clientAddress, params }) => {
  await revokeTerminal(params.id ?? "", { terminalId: terminal.id, clientAddress });

  return new Response(null, { status: 204 });
});
