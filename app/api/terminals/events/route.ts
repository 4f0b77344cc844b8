import { consoleRoute } from "@/lib/http/console-route";
import { eventStream } from "@/lib/http/event-stream";
import { stateStore } from "@/lib/state/state-store";

export const dynamic = "force-dynamic";

// GET /api/terminals/events – an event each time the terminals change.
export const GET = consoleRoute(async (request, { terminal }) => {
  return eventStream(request.signal, (send) =>
    stateStore().subscribe((kind, snapshot) => {
      if (kind !== "terminals") return;
      // Tell a revoked device so its page can leave at once.
      const self = snapshot.terminals.get(terminal.id);
      send("terminals", { revoked: !self || self.revoked });
    }),
  );
});
