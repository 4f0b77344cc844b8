import { config } from "@/lib/config/config";
import { consoleRoute } from "@/lib/http/console-route";
import { createPairingCode } from "@/lib/pairing/create-pairing-code";

export const dynamic = "force-dynamic";

// POST /api/pairing-codes – a new pairing code for another device.
export const POST = consoleRoute(async (_request, { terminal, clientAddress }) => {
  const cfg = config();
  const code = await createPairingCode({
    portalUrl: cfg.portalUrl,
    ttlSeconds: cfg.pairingCodeTtlSeconds,
    createdByTerminalId: terminal.id,
    clientAddress,
  });

  return Response.json(
    { id: code.id, code: code.code, url: code.url, expiresAt: code.expiresAt.toISOString() },
    { status: 201, headers: { "Cache-Control": "no-store" } },
  );
});
