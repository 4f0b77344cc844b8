import { consoleRoute } from "@/lib/http/console-route";
import { readPairingCode } from "@/lib/pairing/read-pairing-code";

export const dynamic = "force-dynamic";

// GET /api/pairing-codes/:id – whether a code this device made has paired.
export const GET = consoleRoute(async (_request, { terminal, params }) => {
  const status = await readPairingCode(params.id ?? "", terminal.id);

  return Response.json(status);
});
