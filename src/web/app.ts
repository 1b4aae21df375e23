// The dashboard shell: sign-in, the top bar, the playback bar and the current view.
import { h } from 'preact';
import { useEffect } from 'preact/hooks';
import { api, setCsrfToken } from './api-client.js';
import { setState, useAppState } from './app-state.js';
import type { PackView, SessionView } from './api-types.js';
import { HeaderBar } from './components/header-bar.js';
import { PlaybackBar } from './components/playback-bar.js';
import { StatusLine } from './components/status-line.js';
import { startLiveUpdates } from './live-updates.js';
import { useApi } from './use-api.js';
import { AlertsView } from './views/alerts-view.js';
import { BoardView, theatreLabel } from './views/board-view.js';
import { BriefView } from './views/brief-view.js';
import { IndicatorView } from './views/indicator-view.js';
import { lazyView } from './views/lazy-view.js';
import { LoginView } from './views/login-view.js';
import { MapView } from './views/map-view.js';
import { RollupView } from './views/rollup-view.js';
import { ScorecardView } from './views/scorecard-view.js';
import { TimelineView } from './views/timeline-view.js';
import { WarningsView } from './views/warnings-view.js';

// The Explanation view carries the analysis for its what-if: loaded when first opened.
const ExplainView = lazyView(() => import('./views/explain-view.js').then((m) => m.ExplainView));

export function App() {
  const state = useAppState();
  useEffect(() => {
    api<SessionView>('/session').then(
      (session) => {
        setCsrfToken(session.csrfToken);
        setState({ session });
      },
      () => setState({ session: null }),
    );
  }, []);
  if (state.session === undefined) return h('p', { class: 'loading' }, '…');
  if (state.session === null) return h(LoginView, { lang: state.lang });
  return h(SignedIn, { session: state.session });
}

function SignedIn({ session }: { session: SessionView }) {
  const state = useAppState();
  const { lang, route, revision } = state;
  useEffect(() => startLiveUpdates(), []);
  const pack = useApi<PackView>('/pack');
  const span = useApi<{ firstDay: string; latestDay: string }>('/span', revision);
  if (!pack.data || !span.data) return h(StatusLine, { lang, loaded: pack.data ? span : pack });
  const at = route.at && route.at < span.data.latestDay ? route.at : undefined;
  const props = { lang, at, pack: pack.data, revision };
  const views = {
    board: BoardView,
    map: MapView,
    timeline: TimelineView,
    explain: ExplainView,
    alerts: AlertsView,
    rollup: RollupView,
    brief: BriefView,
    warnings: WarningsView,
    scorecard: ScorecardView,
  } as const;
  return h(
    'div',
    { class: 'app' },
    h(HeaderBar, { lang, view: route.view, theatre: theatreLabel(lang, pack.data), session, live: state.live }),
    h(PlaybackBar, { lang, at, firstDay: span.data.firstDay, latestDay: span.data.latestDay }),
    route.view === 'indicator' ? h(IndicatorView, { ...props, id: route.id }) : h(views[route.view], props),
  );
}
