// The audit log (admin role): recent entries, and a verification of the whole hash chain.
import { verifyAuditChain } from '../../users/audit-chain.js';
import { API_PREFIX, type VigilRoutePlugin } from '../server-deps.js';

export const auditRoutes: VigilRoutePlugin = async (app, { deps }) => {
  app.get<{ Querystring: { limit?: number; afterSeq?: number } }>(
    `${API_PREFIX}/audit`,
    {
      config: { access: 'admin' },
      schema: {
        tags: ['audit'],
        summary: 'Audit entries, newest first (or oldest first after `afterSeq`)',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
            afterSeq: { type: 'integer', minimum: 0 },
          },
        },
      },
    },
    async (request) => {
      const { limit, afterSeq } = request.query;
      return {
        entries: await deps.users.listAudit(
          afterSeq === undefined ? { limit, newestFirst: true } : { afterSeq, limit },
        ),
      };
    },
  );

  app.get(
    `${API_PREFIX}/audit/verify`,
    {
      config: { access: 'admin' },
      schema: {
        tags: ['audit'],
        summary: 'Verify the hash chain of the whole audit log (what `vigil audit verify` does)',
      },
    },
    async () => verifyAuditChain(await deps.users.listAudit()),
  );
};
