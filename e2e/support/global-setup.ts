import fs from "node:fs";
import path from "node:path";
import { startConsole } from "./console-process";
import { buildWhoamiImage, dockerAnswers, e2eDocker } from "./docker";
import { e2eEnv } from "./env";

export default async function globalSetup(): Promise<void> {
  fs.rmSync(e2eEnv.workDir, { recursive: true, force: true });
  fs.mkdirSync(e2eEnv.workDir, { recursive: true });
  for (const source of ["catalog", path.join("e2e", "catalog")]) {
    const dir = path.join(e2eEnv.root, source);
    if (fs.existsSync(dir)) fs.cpSync(dir, e2eEnv.catalogDir, { recursive: true });
  }
  // One prefix for the whole run, handed to the workers through the environment.
  e2eDocker.runPrefix();
  process.env.DOCKER_HOST ??= "unix:///tmp/portal-docker.sock";
  if (dockerAnswers()) buildWhoamiImage();
  const info = await startConsole();
  fs.writeFileSync(e2eEnv.statePath, JSON.stringify(info, null, 2));
}
