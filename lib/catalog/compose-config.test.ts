import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { composeConfigCheck, detectComposeCommand } from "./compose-config-check";
import { loadCatalog } from "./load-catalog";
import { renderApp } from "./render-app";
import { generateMissingSecrets } from "./settings";
import { testPortalValues } from "./test-values";

const catalog = loadCatalog(path.join(import.meta.dirname, "../../catalog"));
const compose = await detectComposeCommand();

// The compose command's own `config -q` is the judge of what it accepts;
// it runs wherever a compose command is installed (no engine needed).
describe.skipIf(!compose)(`rendered entries pass \`${compose?.join(" ")} config\``, () => {
  const dir = mkdtempSync(path.join(tmpdir(), "portal-compose-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(catalog.entries.map((e) => [e.manifest.name, e] as const))("%s", async (name, item) => {
    const rendered = renderApp({
      manifest: item.manifest,
      composeText: item.composeText,
      values: testPortalValues(name, { ownerName: 'Zoë "Z" O\'Hara #1' }),
      settings: {},
      secrets: generateMissingSecrets(item.manifest, {}),
      network: "portal",
      containerPrefix: "test-",
    });
    const composeFile = path.join(dir, `${name}.yaml`);
    const envFile = path.join(dir, `${name}.env`);
    writeFileSync(composeFile, rendered.composeYaml);
    writeFileSync(envFile, rendered.envFile);

    const result = await composeConfigCheck(composeFile, envFile, `test-${name}`);
    expect(result.stderr.trim(), result.stderr).toBe("");
    expect(result.ok).toBe(true);
  });

  it("fails a file that compose rejects", async () => {
    const composeFile = path.join(dir, "broken.yaml");
    const envFile = path.join(dir, "broken.env");
    writeFileSync(composeFile, "services:\n  a:\n    image: x:1\n    not_a_compose_key: 1\n");
    writeFileSync(envFile, "");
    const result = await composeConfigCheck(composeFile, envFile);
    expect(result.ok).toBe(false);
  });
});
