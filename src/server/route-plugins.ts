// Every API route plugin the app registers, in order; adding routes is one line here. Other servers (TAXII) are
// mounted by the process that runs the app (createServer's `mounts`).
import { auditRoutes } from './routes/audit-routes.js';
import { alertReplayRoutes } from './routes/alert-replay-routes.js';
import { alertRoutes } from './routes/alert-routes.js';
import { assessmentRoutes } from './routes/assessment-routes.js';
import { briefRoutes } from './routes/brief-routes.js';
import { indicatorRoutes } from './routes/indicator-routes.js';
import { liveRoutes } from './routes/live-routes.js';
import { noteRoutes } from './routes/note-routes.js';
import { observationRoutes } from './routes/observation-routes.js';
import { packRoutes } from './routes/pack-routes.js';
import { scorecardRoutes } from './routes/scorecard-routes.js';
import { sessionRoutes } from './routes/session-routes.js';
import { sourceRoutes } from './routes/source-routes.js';
import { timelineRoutes } from './routes/timeline-routes.js';
import { userRoutes } from './routes/user-routes.js';
import { warningRoutes } from './routes/warning-routes.js';
import { whatIfRoutes } from './routes/what-if-routes.js';
import type { VigilRoutePlugin } from './server-deps.js';

export const routePlugins: VigilRoutePlugin[] = [
  sessionRoutes,
  assessmentRoutes,
  indicatorRoutes,
  observationRoutes,
  timelineRoutes,
  packRoutes,
  sourceRoutes,
  alertRoutes,
  alertReplayRoutes,
  userRoutes,
  auditRoutes,
  liveRoutes,
  warningRoutes,
  briefRoutes,
  scorecardRoutes,
  noteRoutes,
  whatIfRoutes,
];
