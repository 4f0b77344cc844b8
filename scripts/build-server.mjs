// Bundles the custom server (server.ts and the lib/ code it imports) into
// dist/server.mjs for production. The forward-auth listener runs in this
// process on every request to every app; run from source through tsx, the
// transform's helpers (esbuild's keepNames) and loader hooks cost it about a
// fifth of its throughput. npm packages stay outside the bundle.
import { build } from "esbuild";

await build({
  entryPoints: {
    server: "server.ts",
    "auth-worker": "lib/forward-auth/auth-worker.ts",
  },
  outdir: "dist",
  outExtension: { ".js": ".mjs" },
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
});
