/**
 * Where an app answers: NAME.<domain> with the console's scheme. The port is
 * the proxy's (PORTAL_APP_PORT) when the console is reached on another one,
 * as when it runs on its own port in front of nothing; else the console's.
 */
export function appUrl(name: string, portalUrl: string, appPort?: number): string {
  const url = new URL(portalUrl);
  url.hostname = `${name}.${url.hostname}`;
  if (appPort !== undefined) url.port = String(appPort);

  return url.origin;
}
