// What the alerts inbox routes need from the alerting module: its store, the playbooks, and a nudge after each write.
import type { AlertStore } from '../alerting/alert-store.js';
import type { AlertingConfig, Playbook } from '../alerting/alerting-config.js';
import type { Observation } from '../model/index.js';

export interface AlertsDeps {
  store: AlertStore;
  /** Playbooks by id, from the alerting configuration, for each alert's checklist. */
  playbooks: Readonly<Record<string, Playbook>>;
  /** The rules, for replaying what they would have held on a past day (dashboard playback). */
  config?: AlertingConfig;
  /** Called after an acknowledgement or silence, so the alert loop (if this process runs one) re-plans notifications now. */
  changed?: () => void;
  /**
   * Called with the observations this process just stored: the alert loop re-assesses with them at once, without
   * reloading the day from the store, and delivers what fires (the accepted-observation path).
   */
  accepted?: (observations: readonly Observation[]) => void;
}
