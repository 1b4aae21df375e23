// User administration (admin role): list, add and remove users, issue and revoke their API tokens.
import { vigilError } from '../../errors/index.js';
import { createUser, findUserOrFail, issueToken } from '../../users/user-accounts.js';
import { publicUser } from '../../users/user.js';
import { API_PREFIX, type VigilRoutePlugin } from '../server-deps.js';

const username = { type: 'string', maxLength: 64 } as const;

export const userRoutes: VigilRoutePlugin = async (app, { deps }) => {
  const admin = { access: 'admin' as const };

  app.get(
    `${API_PREFIX}/users`,
    { config: admin, schema: { tags: ['users'], summary: 'Every user (never a password or token hash)' } },
    async () => {
      const [users, tokens] = await Promise.all([deps.users.listUsers(), deps.users.listTokens()]);
      return {
        users: users.map((u) => ({
          ...publicUser(u),
          tokens: tokens
            .filter((t) => t.userId === u.id)
            .map((t) => ({
              id: t.id,
              name: t.name,
              createdAt: t.createdAt,
              expiresAt: t.expiresAt,
              lastUsedAt: t.lastUsedAt,
              revokedAt: t.revokedAt,
            })),
        })),
      };
    },
  );

  app.post<{ Body: { username: string; role: string; tlpMax?: string; password?: string } }>(
    `${API_PREFIX}/users`,
    {
      config: admin,
      schema: {
        tags: ['users'],
        summary: 'Add a user; without a password one is generated and returned once',
        body: {
          type: 'object',
          required: ['username', 'role'],
          additionalProperties: false,
          properties: {
            username,
            role: { type: 'string' },
            tlpMax: { type: 'string' },
            password: { type: 'string', maxLength: 1024 },
          },
        },
      },
    },
    async (request, reply) => {
      const { user, password } = await deps.writes.inTransaction(async () => {
        const created = await createUser(deps.users, request.body, deps.now().toISOString(), { scrypt: deps.scrypt });
        await deps.audit(request.principal, 'user.add', created.user.username, {
          role: created.user.role,
          tlpMax: created.user.tlpMax,
        });
        return created;
      });
      return reply
        .code(201)
        .send({ user: publicUser(user), ...(request.body.password === undefined ? { password } : {}) });
    },
  );

  app.delete<{ Params: { username: string } }>(
    `${API_PREFIX}/users/:username`,
    {
      config: admin,
      schema: {
        tags: ['users'],
        summary: 'Remove a user with their tokens and sessions',
        params: { type: 'object', required: ['username'], properties: { username } },
      },
    },
    async (request, reply) => {
      const user = await findUserOrFail(deps.users, request.params.username);
      if (user.id === request.principal!.user.id) throw vigilError('VIGIL_CONFLICT', 'you cannot remove yourself');
      await deps.writes.inTransaction(async () => {
        await deps.users.removeUser(user.id);
        await deps.audit(request.principal, 'user.remove', user.username);
      });
      return reply.code(204).send();
    },
  );

  app.post<{ Params: { username: string }; Body: { name: string; expiresAt?: string } }>(
    `${API_PREFIX}/users/:username/tokens`,
    {
      config: admin,
      schema: {
        tags: ['users'],
        summary: 'Issue an API token for a user; the token is returned once and stored only as a hash',
        params: { type: 'object', required: ['username'], properties: { username } },
        body: {
          type: 'object',
          required: ['name'],
          additionalProperties: false,
          properties: { name: { type: 'string', maxLength: 64 }, expiresAt: { type: 'string', format: 'date-time' } },
        },
      },
    },
    async (request, reply) => {
      const user = await findUserOrFail(deps.users, request.params.username);
      const expiresAt = request.body.expiresAt === undefined ? null : new Date(request.body.expiresAt).toISOString();
      const { token, record } = await deps.writes.inTransaction(async () => {
        const issued = await issueToken(deps.users, user, request.body.name, deps.now().toISOString(), expiresAt);
        await deps.audit(request.principal, 'token.issue', `${user.username}/${issued.record.name}`, {
          tokenId: issued.record.id,
          expiresAt,
        });
        return issued;
      });
      return reply.code(201).send({ id: record.id, name: record.name, user: user.username, token, expiresAt });
    },
  );

  app.delete<{ Params: { id: string } }>(
    `${API_PREFIX}/tokens/:id`,
    {
      config: admin,
      schema: {
        tags: ['users'],
        summary: 'Revoke an API token',
        params: { type: 'object', required: ['id'], properties: { id: { type: 'string', pattern: '^[0-9a-f]{12}$' } } },
      },
    },
    async (request, reply) => {
      await deps.writes.inTransaction(async () => {
        await deps.users.revokeToken(request.params.id, deps.now().toISOString());
        await deps.audit(request.principal, 'token.revoke', request.params.id);
      });
      return reply.code(204).send();
    },
  );
};
