// The scenario pack this server assesses (hypotheses, indicators, warning rules), the bundled packs, and the pack's map areas.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../app/paths.js';
import { vigilError } from '../../errors/index.js';
import { packPath } from '../../packs/pack-loader.js';
import { API_PREFIX, type VigilRoutePlugin } from '../server-deps.js';

export const packRoutes: VigilRoutePlugin = async (app, { deps }) => {
  const { pack } = deps;
  // The pack file's own location is server detail; the rest is configuration the dashboard renders.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { file, ...served } = pack;
  const areaCache = new Map<string, unknown>();

  app.get(
    `${API_PREFIX}/packs`,
    {
      schema: { tags: ['packs'], summary: 'Bundled scenario packs, and which one this server assesses' },
    },
    async () => {
      const dir = join(PACKAGE_ROOT, 'packs');
      const ids = readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'pack.yaml')))
        .map((d) => d.name)
        .sort();
      return { served: pack.id, bundled: ids };
    },
  );

  app.get(
    `${API_PREFIX}/pack`,
    {
      schema: {
        tags: ['packs'],
        summary: 'The pack this server assesses: hypotheses, indicators, likelihoods, warning rules, areas',
      },
    },
    async () => served,
  );

  app.get<{ Params: { area: string } }>(
    `${API_PREFIX}/pack/areas/:area`,
    {
      schema: {
        tags: ['packs'],
        summary: "One of the pack's map areas as GeoJSON (basemap, median line, zones…)",
        params: {
          type: 'object',
          required: ['area'],
          properties: { area: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$' } },
        },
      },
    },
    async (request, reply) => {
      const name = request.params.area;
      if (!Object.hasOwn(pack.areas, name))
        throw vigilError(
          'VIGIL_NOT_FOUND',
          `pack ${pack.id} has no area ${name} (known: ${Object.keys(pack.areas).join(', ') || 'none'})`,
        );
      let geo = areaCache.get(name);
      if (geo === undefined) {
        geo = JSON.parse(readFileSync(packPath(pack, pack.areas[name]), 'utf8'));
        areaCache.set(name, geo);
      }
      return reply.header('cache-control', 'private, max-age=3600').send(geo);
    },
  );
};
