// What-if inputs: what one day's assessment reads (observations under the caller's TLP ceiling, coverage), so the
// dashboard can assess an edited pack in the browser with the same code as the server. Nothing is stored.
import { whatIfInputsToJson } from '../../analysis/what-if.js';
import { whatIfInputs } from '../../app/what-if-inputs.js';
import { dateParam } from '../api-schemas.js';
import { API_PREFIX, type VigilRoutePlugin } from '../server-deps.js';

export const whatIfRoutes: VigilRoutePlugin = async (app, { deps }) => {
  app.get<{ Params: { date: string } }>(
    `${API_PREFIX}/what-if/:date`,
    {
      schema: {
        tags: ['assessments'],
        summary: "What one day's assessment reads, for a what-if assessed in the browser (observations and coverage)",
        description:
          'The observations as known at the end of the day over the look-back one assessment needs (at most the ' +
          "caller's TLP ceiling; text, geometry and attributes left out) and the coverage windows (an open end is " +
          'null). With GET /api/v1/pack, `whatIfSession` in src/analysis/what-if.ts reproduces GET /assessments/:date.',
        params: { type: 'object', required: ['date'], properties: { date: dateParam } },
      },
    },
    async (request) => {
      const tlpMax = request.principal!.user.tlpMax;
      const day = await deps.assessments.for(tlpMax).resolveDay(request.params.date, 'date');
      return whatIfInputsToJson(await whatIfInputs(deps.store, deps.pack, day, tlpMax));
    },
  );
};
