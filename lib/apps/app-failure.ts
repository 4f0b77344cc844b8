/**
 * A failure of app work whose message is the reason the owner sees: one
 * sentence that ends with what to do.
 */
export class AppFailure extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "AppFailure";
  }
}

/** The owner-facing reason for anything app work throws. */
export function reasonOf(error: unknown, retry: string): string {
  if (error instanceof AppFailure) return error.message;
  if (error instanceof Error && error.name === "PortalError") return error.message;

  return [
    `Something unexpected went wrong (${(error as Error)?.message ?? String(error)}).`,
    `See the install log, then ${retry}.`,
  ].join(" ");
}
