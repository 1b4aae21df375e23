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
   * Called with observations this process has just stored (every one new): the alert loop adds them to what it holds
   * and re-evaluates only when one is in a series alerts read; no store-wide query after each ingest.
   */
  accepted?: (observations: readonly Observation[]) => void;
}
