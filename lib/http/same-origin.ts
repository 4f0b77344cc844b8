const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Whether a request may change state. Browsers send Origin (and
 * Sec-Fetch-Site) with every cross-site write, so a write is refused when
 * either names another site. A client without them is not a browser acting
 * on a visitor's cookies, and may go on.
 */
export function isAllowedWrite(
  method: string,
  headers: { origin?: string | null; secFetchSite?: string | null },
  portalOrigin: string,
): boolean {
  if (safeMethods.has(method.toUpperCase())) return true;
  if (headers.secFetchSite && headers.secFetchSite !== "same-origin") return false;
  if (headers.origin && headers.origin !== portalOrigin) return false;

  return true;
}
