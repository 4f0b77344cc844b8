export const terminalIcons = ["desktop", "notebook", "tablet", "smartphone", "unknown"] as const;
export type TerminalIcon = (typeof terminalIcons)[number];

/**
 * A name and icon kind guessed from a user agent, for the pairing form to
 * offer. Only a suggestion: the user can change both.
 */
export function guessDevice(userAgent: string): { name: string; icon: TerminalIcon } {
  const ua = userAgent || "";
  const browser = browserName(ua);
  const os = osName(ua);

  let icon: TerminalIcon = "unknown";
  if (/iPad|Tablet|Android(?!.*Mobile)/i.test(ua)) icon = "tablet";
  else if (/iPhone|Mobile|Android/i.test(ua)) icon = "smartphone";
  else if (/Macintosh|Windows|CrOS/i.test(ua)) icon = "notebook";
  else if (/Linux|X11/i.test(ua)) icon = "desktop";

  const name = [browser, os && `on ${os}`].filter(Boolean).join(" ") || "New device";

  return { name, icon };
}

/** A short summary such as "Firefox on Android", for the devices list. */
export function summarizeUserAgent(userAgent: string): string {
  const browser = browserName(userAgent);
  const os = osName(userAgent);
  if (!browser && !os) return userAgent ? userAgent.slice(0, 40) : "Unknown browser";

  return [browser || "Browser", os && `on ${os}`].filter(Boolean).join(" ");
}

function browserName(ua: string): string {
  if (/Edg\//.test(ua)) return "Edge";
  if (/OPR\//.test(ua)) return "Opera";
  if (/Firefox\//.test(ua)) return "Firefox";
  if (/HeadlessChrome\//.test(ua)) return "Headless Chrome";
  if (/Chrom(e|ium)\//.test(ua)) return "Chrome";
  if (/Safari\//.test(ua)) return "Safari";
  if (/curl\//.test(ua)) return "curl";

  return "";
}

function osName(ua: string): string {
  if (/iPhone/.test(ua)) return "iPhone";
  if (/iPad/.test(ua)) return "iPad";
  if (/Android/.test(ua)) return "Android";
  if (/CrOS/.test(ua)) return "ChromeOS";
  if (/Mac OS X|Macintosh/.test(ua)) return "macOS";
  if (/Windows/.test(ua)) return "Windows";
  if (/Linux/.test(ua)) return "Linux";

  return "";
}
