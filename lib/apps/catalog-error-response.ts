import { CatalogError } from "../catalog/catalog-error";
import { errorResponse } from "../http/api-response";

/**
 * The 400 for an install the catalog refuses to render. Bad settings carry
 * one message per field, so a form can show each beside its input.
 */
export function catalogErrorResponse(error: unknown): Response | undefined {
  if (!(error instanceof CatalogError)) return undefined;
  if (error.code !== "invalid_settings") {
    const detail = error.details.map((d) => `${d.field}: ${d.message}`).join("; ");

    return errorResponse("BAD_REQUEST", detail ? `${error.message}: ${detail}` : error.message);
  }
  const fields = Object.fromEntries(error.details.map((d) => [d.field, d.message]));
  const list = error.details.map((d) => `${d.field} ${d.message}`).join("; ");

  return Response.json(
    { error: { code: "INVALID_SETTINGS", message: `Check the settings: ${list}.`, fields } },
    { status: 400 },
  );
}
