import fs from "node:fs";
import { type ConsoleInfo, stopConsole } from "./console-process";
import { e2eEnv } from "./env";

export default async function globalTeardown(): Promise<void> {
  if (!fs.existsSync(e2eEnv.statePath)) return;
  const info = JSON.parse(fs.readFileSync(e2eEnv.statePath, "utf8")) as ConsoleInfo;
  stopConsole(info.pid);
}
