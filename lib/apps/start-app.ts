import type { Actor } from "./actor";
import { requestSwitch } from "./switch-app";

/** Starts an installed app: `starting` at once, then `running` or `error`. */
export function requestStart(name: string, actor: Actor): Promise<void> {
  return requestSwitch(name, "start", actor);
}
