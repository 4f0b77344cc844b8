// The operator's command line: `npm run portal -- <command>`.
// Logs go to stderr at warn level so that stdout carries only the answer.
process.env.LOG_LEVEL ??= "warn";

import path from "node:path";
import { fileURLToPath } from "node:url";
import { runCatalogValidate } from "../lib/catalog/cli-validate";
import { ConfigError, readConfig } from "../lib/config/config";
import { createPairingCode } from "../lib/pairing/create-pairing-code";
import { loadProxySetup } from "../lib/proxy-config/load-proxy-setup";
import {
  isProxyKind,
  proxyKinds,
  renderProxyConfig,
} from "../lib/proxy-config/render-proxy-config";
import { preparePortal } from "../lib/server/prepare-portal";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

type Command = (args: string[]) => Promise<number>;

const commands: Record<string, { usage: string; run: Command }> = {
  catalog: {
    usage: "catalog validate [DIR]  check catalog entries; every problem with its file and field",
    async run([verb, dir]) {
      if (verb !== "validate") {
        process.stderr.write("Usage: npm run portal -- catalog validate [DIR]\n");

        return 2;
      }
      const result = runCatalogValidate(dir ?? (process.env.PORTAL_CATALOG_DIR || "catalog"));
      for (const line of result.lines) process.stdout.write(`${line}\n`);

      return result.ok ? 0 : 1;
    },
  },
  "pairing-code": {
    usage: "pairing-code            print a new pairing code; the last line is its URL",
    async run() {
      const cfg = readConfig();
      await preparePortal(cfg, root);
      const code = await createPairingCode({
        portalUrl: cfg.portalUrl,
        ttlSeconds: cfg.pairingCodeTtlSeconds,
        clientAddress: "command line",
      });
      const minutes = Math.round(cfg.pairingCodeTtlSeconds / 60);
      process.stdout.write(
        `Pairing code ${code.code}, valid for ${minutes} minutes:\n${code.url}\n`,
      );

      return 0;
    },
  },
  "proxy-config": {
    usage: "proxy-config traefik|caddy|nginx   print the reverse proxy's config for this Portal",
    async run(args) {
      const kind = args[0];
      if (!isProxyKind(kind)) {
        process.stderr.write(`Name the proxy: one of ${proxyKinds.join(", ")}\n`);

        return 2;
      }
      const cfg = readConfig();
      await preparePortal(cfg, root);
      process.stdout.write(renderProxyConfig(kind, await loadProxySetup(cfg)));

      return 0;
    },
  },
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    const lines = Object.values(commands).map((c) => `  npm run portal -- ${c.usage}`);
    process.stderr.write(`Usage:\n${lines.join("\n")}\n`);

    return name ? 2 : 0;
  }

  return command.run(args);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
