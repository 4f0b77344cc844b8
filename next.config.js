/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The console is never framed (clickjacking of Revoke and Install) and
  // never leaks its URLs, which may carry a pairing code, to other sites.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
  // Native and Node-only packages stay outside the bundles.
  serverExternalPackages: [
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "pino",
    "dockerode",
    "ssh2",
    "cpu-features",
  ],
};

export default nextConfig;
