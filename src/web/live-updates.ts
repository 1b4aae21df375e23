// Listens to the server's event stream and bumps the shared revision, so every open view refetches what changed.
import { getState, setState } from './app-state.js';

const EVENTS = ['observations', 'assessment', 'alert', 'alert-notification', 'warning'];

export function startLiveUpdates(): () => void {
  let source: EventSource | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Coalesce bursts (an ingest announces observations, then the new assessment) into one refetch.
  const bump = () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      setState({ revision: getState().revision + 1 });
    }, 250);
  };
  source = new EventSource('/api/v1/events', { withCredentials: true });
  source.onopen = () => setState({ live: true });
  source.onerror = () => setState({ live: false });
  for (const name of EVENTS) source.addEventListener(name, bump);
  return () => {
    source?.close();
    source = undefined;
    if (timer) clearTimeout(timer);
  };
}
