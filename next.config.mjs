/** @type {import('next').NextConfig} */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig = {
  // NEXT_DIST_DIR lets the browser tests build into a folder of their own (.next-e2e), so
  // `npm test` never rebuilds under a server that `npm start` runs from .next.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: {
    authInterrupts: true,
    // One request may carry ACTION_BODY_LIMIT_BYTES (lib/validation/body-size.ts): a fact-base
    // import at its 20 MB limit plus the form's fields. Next's defaults are 1 MB for an action
    // (a larger one failed with a 500) and 10 MB buffered for the proxy (a larger body reaches
    // the action cut short), so both are raised to it; proxy.ts answers 413 beyond it.
    // tests/unit/body-size.test.ts checks these agree.
    serverActions: { bodySizeLimit: "21mb" },
    proxyClientMaxBodySize: "21mb",
  },
  // piscina starts its worker threads from a file next to its own code (dist/worker.js);
  // bundled, that path points nowhere, so it must load from node_modules at run time.
  serverExternalPackages: ["piscina"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
