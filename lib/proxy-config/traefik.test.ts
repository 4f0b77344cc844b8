import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseUpstreamMap } from "./proxy-setup";
import { sampleSetup } from "./test-setup";
import { traefikConfig } from "./traefik";

// The options Traefik documents for the forwardAuth middleware (v2 and v3).
const forwardAuthOptions = new Set([
  "address",
  "tls",
  "trustForwardHeader",
  "authResponseHeaders",
  "authResponseHeadersRegex",
  "authRequestHeaders",
  "addAuthCookiesToResponse",
  "headerField",
  "forwardBody",
  "maxBodySize",
  "preserveLocationHeader",
  "preserveRequestMethod",
]);

type Dynamic = {
  http: {
    middlewares: Record<string, { forwardAuth: Record<string, unknown> }>;
    routers: Record<string, { rule: string; service: string; middlewares?: string[] }>;
    services: Record<string, { loadBalancer: { servers: Array<{ url: string }> } }>;
  };
};

describe("the Traefik config", () => {
  const text = traefikConfig(sampleSetup({}, parseUpstreamMap("whoami=127.0.0.1:18081")));
  const doc = parse(text) as Dynamic;
  const auth = doc.http.middlewares.auth?.forwardAuth ?? {};

  it("defines the auth middleware with documented forwardAuth options only", () => {
    expect(Object.keys(auth).every((k) => forwardAuthOptions.has(k))).toBe(true);
    expect(auth.address).toBe("http://127.0.0.1:3001/api/internal/auth");
    expect(auth.trustForwardHeader).toBe(true);
    expect(auth.authResponseHeadersRegex).toBe("^X-Ptl-.*");
  });

  it("has a regex, as Go would run it, that covers the identity headers and nothing else", () => {
    const regex = new RegExp(String(auth.authResponseHeadersRegex));

    for (const name of ["X-Ptl-User", "X-Ptl-Client-Id", "X-Ptl-Email"]) {
      expect(regex.test(name)).toBe(true);
    }
    for (const name of ["X-Forwarded-For", "Location", "Set-Cookie", "X-Ptlx"]) {
      expect(regex.test(name)).toBe(false);
    }
  });

  it("routes the console, and overridden apps through auth@file", () => {
    expect(doc.http.routers["portal-console"]?.rule).toBe("Host(`portal.test`)");
    expect(doc.http.routers.whoami_router).toMatchObject({
      rule: "Host(`whoami.portal.test`)",
      service: "whoami",
      middlewares: ["auth@file"],
    });
    expect(doc.http.services.whoami?.loadBalancer.servers[0]?.url).toBe("http://127.0.0.1:18081");
    expect(doc.http.routers.wiki_router).toBeUndefined();
  });

  it("lists the labels of apps routed by their containers, in comments", () => {
    expect(text).toContain("#     - traefik.http.routers.wiki_router.middlewares=auth@file");
    expect(text).toContain(
      "#     - traefik.http.routers.wiki_router.rule=Host(`wiki.portal.test`)",
    );
    expect(text).toContain("#     - traefik.http.services.wiki.loadbalancer.server.port=8080");
  });

  it("adds TLS to routers on an https Portal", () => {
    const secure = parse(traefikConfig(sampleSetup({ scheme: "https" }))) as Dynamic;

    expect(secure.http.routers["portal-console"]).toHaveProperty("tls");
  });
});
