/**
 * The variables a catalog entry's compose file may read from the env file
 * that the installer writes next to it. Compose interpolates them; Portal
 * Core never edits the compose text to insert values.
 */

export const PORTAL_VARIABLES = [
  "PORTAL_DOMAIN",
  "PORTAL_ID",
  "APP_NAME",
  "APP_DOMAIN",
  "APP_URL",
  "APP_DATA_DIR",
  "PORTAL_OWNER_USERNAME",
  "PORTAL_OWNER_EMAIL",
  "PORTAL_OWNER_NAME",
  "PORTAL_AUTH_HEADER",
  "PORTAL_NETWORK",
] as const;

export type PortalVariable = (typeof PORTAL_VARIABLES)[number];

const portalVariableSet: ReadonlySet<string> = new Set(PORTAL_VARIABLES);

/** The identity header the proxy passes to every app (see DESIGN.md). */
export const PORTAL_AUTH_HEADER = "X-Ptl-User";

/** What the installer knows about the Portal and the app being installed. */
export interface PortalValues {
  /** The Portal domain, e.g. `gjq6gv.p.example.org`; apps live on `NAME.<domain>`. */
  portalDomain: string;
  portalId: string;
  ownerUsername: string;
  ownerEmail: string;
  ownerName: string;
  /** Absolute host path of this app's data folder. */
  appDataDir: string;
  /** The scheme apps are reached with; `https` unless given. */
  scheme?: "http" | "https";
}

export function isPortalVariable(name: string): name is PortalVariable {
  return portalVariableSet.has(name);
}

/**
 * The Portal variables for one app, in the order they are written.
 *
 * @throws Error when the data folder is not absolute: compose would resolve a
 * relative bind mount against the install folder, not the data folder.
 */
export function portalVariablesFor(
  appName: string,
  values: PortalValues,
  network: string,
): Record<PortalVariable, string> {
  if (!values.appDataDir.startsWith("/")) {
    throw new Error(`appDataDir must be an absolute path, got "${values.appDataDir}"`);
  }
  const domain = values.portalDomain.toLowerCase().replace(/\.$/, "");
  const appDomain = `${appName}.${domain}`;

  return {
    PORTAL_DOMAIN: domain,
    PORTAL_ID: values.portalId,
    APP_NAME: appName,
    APP_DOMAIN: appDomain,
    APP_URL: `${values.scheme ?? "https"}://${appDomain}`,
    APP_DATA_DIR: values.appDataDir.replace(/\/+$/, "") || "/",
    PORTAL_OWNER_USERNAME: values.ownerUsername,
    PORTAL_OWNER_EMAIL: values.ownerEmail,
    PORTAL_OWNER_NAME: values.ownerName,
    PORTAL_AUTH_HEADER,
    PORTAL_NETWORK: network,
  };
}
