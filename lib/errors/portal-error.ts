/**
 * Every failure the console reports on purpose has one of these codes. Each
 * maps to one HTTP status, in one place; anything else is an internal error.
 */
export const errorStatus = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  CROSS_ORIGIN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  CODE_INVALID: 400,
  CODE_USED: 400,
  CODE_EXPIRED: 400,
  CODE_LOCKED: 400,
  RATE_LIMITED: 429,
  INVALID_SETTINGS: 400,
  DOCKER_UNAVAILABLE: 503,
  INSUFFICIENT_STORAGE: 507,
  INSTALL_FAILED: 500,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/**
 * An error whose message is safe to show to the user. Internal details go in
 * `cause`, which is logged but never sent.
 */
export class PortalError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = "PortalError";
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export function isPortalError(error: unknown): error is PortalError {
  return error instanceof Error && error.name === "PortalError" && "code" in error;
}
