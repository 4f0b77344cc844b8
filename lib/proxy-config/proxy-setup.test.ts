import { describe, expect, it } from "vitest";
import { readConfig } from "../config/config";
import { parseUpstreamMap, proxyListenPort } from "./proxy-setup";
import { sampleSetup } from "./test-setup";

describe("the proxy setup", () => {
  it("reaches apps as <name>:<entry port> unless overridden", () => {
    const setup = sampleSetup({}, parseUpstreamMap("whoami=127.0.0.1:18081"));

    expect(setup.apps.map((a) => [a.name, a.upstream, a.overridden])).toEqual([
      ["whoami", "127.0.0.1:18081", true],
      ["wiki", "wiki:8080", false],
    ]);
  });

  it("lists the default four headers and each app's own", () => {
    const setup = sampleSetup();

    expect(setup.apps[1]?.headerNames).toEqual([
      "X-Ptl-User",
      "X-Ptl-Client-Type",
      "X-Ptl-Client-Id",
      "X-Ptl-Client-Name",
      "X-Ptl-Email",
    ]);
    expect(setup.portalHeaderNames).toContain("X-Ptl-Email");
  });

  it("refuses a malformed override", () => {
    expect(() => parseUpstreamMap("whoami=127.0.0.1")).toThrow(/PORTAL_APP_UPSTREAMS/);
    expect(() => parseUpstreamMap("who ami=127.0.0.1:80")).toThrow();
    expect(() => parseUpstreamMap("x=a;b:80")).toThrow();
  });

  it("listens on PORTAL_PROXY_PORT when set, else on the Portal URL's port", () => {
    expect(proxyListenPort("http://portal.test:3100", 3180)).toBe(3180);
    expect(proxyListenPort("http://portal.test:3100", undefined)).toBe(3100);
    expect(proxyListenPort("http://portal.test", undefined)).toBe(80);
    expect(proxyListenPort("https://portal.test", undefined)).toBe(443);
  });

  it("refuses a PORTAL_PROXY_PORT that is not a port, naming it", () => {
    expect(() => readConfig({ PORTAL_PROXY_PORT: "80a" })).toThrow(/PORTAL_PROXY_PORT/);
    expect(() => readConfig({ PORTAL_PROXY_PORT: "70000" })).toThrow(/PORTAL_PROXY_PORT/);
  });
});
