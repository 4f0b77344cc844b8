import type { Actor } from "./actor";
import { requestSwitch } from "./switch-app";

/** Stops an installed app: `stopping` at once, then `stopped` or `error`. */
export function requestStop(name: string, actor: Actor): Promise<void> {
  return requestSwitch(name, "stop", actor);
}
