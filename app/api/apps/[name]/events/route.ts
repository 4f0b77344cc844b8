import { appEvents } from "@/lib/apps/app-events";
import { appNameSchema } from "@/lib/apps/app-name";
import { appStateOf } from "@/lib/apps/list-apps";
import { PortalError } from "@/lib/errors/portal-error";
import { consoleRoute } from "@/lib/http/console-route";
import { eventStream } from "@/lib/http/event-stream";

export const dynamic = "force-dynamic";

// GET /api/apps/:name/events – `state` and `log` events; the current state
// and the recent log come first, so a page opened mid-install catches up.
export const GET = consoleRoute(async (request, { params }) => {
  const name = appNameSchema.parse(params.name);
  const stored = await appStateOf(name);
  if (!stored) throw new PortalError("NOT_FOUND", `${name} is not installed.`);

  return eventStream(request.signal, (send) => {
    const events = appEvents();
    send("state", events.lastState(name) ?? stored);
    for (const line of events.tail(name, 100)) send("log", line);

    return events.subscribe(name, (event) => send(event.type, event.data));
  });
});
