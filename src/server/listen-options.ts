// Which reverse proxies the HTTP server believes for the client address; read from --trust-proxy by src/app/config.

/** Which proxies may set X-Forwarded-For (Fastify's `trustProxy`): every one (`true`) or these addresses and CIDRs. */
export type TrustProxy = true | string[];
