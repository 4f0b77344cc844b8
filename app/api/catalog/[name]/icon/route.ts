import { appNameSchema } from "@/lib/apps/app-name";
import { readCatalogIcon } from "@/lib/apps/read-catalog-icon";
import { consoleRoute } from "@/lib/http/console-route";

export const dynamic = "force-dynamic";

// GET /api/catalog/:name/icon – the entry's icon file, cacheable.
export const GET = consoleRoute(async (_request, { params }) => {
  const icon = await readCatalogIcon(appNameSchema.parse(params.name));

  return new Response(new Uint8Array(icon.body), {
    headers: {
      "Content-Type": icon.contentType,
      "Cache-Control": "private, max-age=3600",
      // An SVG opened on its own must not run scripts on the console's origin.
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
