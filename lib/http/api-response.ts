import { ZodError } from "zod";
import { type ErrorCode, errorStatus, isPortalError, PortalError } from "../errors/portal-error";
import { logger } from "../log/logger";

/** The one error shape of the console API. */
export function errorResponse(
  code: ErrorCode,
  message: string,
  status = errorStatus[code],
): Response {
  return Response.json({ error: { code, message } }, { status });
}

/**
 * Maps anything a route handler throws to the API's error shape. Known
 * errors keep their message; anything else is logged and becomes a 500
 * that says nothing about the inside.
 */
export function toErrorResponse(error: unknown): Response {
  if (isPortalError(error)) return errorResponse(error.code, error.message);
  if (error instanceof ZodError) {
    const first = error.issues[0];
    const where = first?.path.length ? `${first.path.join(".")}: ` : "";

    return errorResponse("BAD_REQUEST", `${where}${first?.message ?? "Invalid request"}`);
  }
  logger().error({ err: error }, "unexpected error in a route handler");

  return errorResponse("INTERNAL", "Something went wrong on the Portal. Try again.");
}

/** Reads a JSON body, or fails with a 400 that says so. */
export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new PortalError("BAD_REQUEST", "The request body must be JSON.");
  }
}
