import { consoleRoute } from "@/lib/http/console-route";
import { stateStore } from "@/lib/state/state-store";

export const dynamic = "force-dynamic";

// GET /api/me – the current terminal and the owner.
export const GET = consoleRoute(async (_request, { terminal }) => {
  const owner = stateStore().snapshot.owner;

  return Response.json({
    terminal: { id: terminal.id, name: terminal.name, icon: terminal.icon },
    owner,
  });
});
