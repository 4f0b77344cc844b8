import type { IdentityValues } from "./header-template";
import type { PortalValues } from "./portal-variables";

/** Portal values for tests: the seed article's Portal. */
export function testPortalValues(appName: string, overrides: Partial<PortalValues> = {}) {
  const values: PortalValues = {
    portalDomain: "gjq6gv.p.example.org",
    portalId: "gjq6gv",
    ownerUsername: "gjq6gv",
    ownerEmail: "gjq6gv@example.com",
    ownerName: "Ada O'Hara",
    appDataDir: `/srv/portal/app-data/${appName}`,
    ...overrides,
  };

  return values;
}

export const testIdentity: IdentityValues = {
  ownerUsername: "gjq6gv",
  ownerEmail: "gjq6gv@example.com",
  ownerDisplayName: "Ada O'Hara",
  portalId: "gjq6gv",
  portalDomain: "gjq6gv.p.example.org",
  terminalId: "t_123",
  terminalName: "Ada's laptop",
};
