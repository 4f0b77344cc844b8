import { consoleRoute } from "@/lib/http/console-route";
import { eventStream } from "@/lib/http/event-stream";
import { type Snapshot, stateStore } from "@/lib/state/state-store";

export const dynamic = "force-dynamic";

function appStates(snapshot: Snapshot) {
  return [...snapshot.apps.values()].map((app) => ({ name: app.name, state: app.state }));
}

// GET /api/events – the installed apps' states now and after every change.
export const GET = consoleRoute(async (request) => {
  return eventStream(request.signal, (send) => {
    send("apps", appStates(stateStore().snapshot));

    return stateStore().subscribe((kind, snapshot) => {
      if (kind === "apps") send("apps", appStates(snapshot));
    });
  });
});
