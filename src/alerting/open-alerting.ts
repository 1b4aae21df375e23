// The alerting rules a command or server uses: the file given, or alerting.yaml beside the pack.
import type { LoadedPack } from '../packs/pack-loader.js';
import type { AlertingConfig } from './alerting-config.js';
import { defaultAlertingPath, loadAlertingConfig } from './load-alerting-config.js';

/** `--rules FILE`, else `<pack dir>/alerting.yaml`, validated against the pack. */
export function loadPackAlerting(pack: LoadedPack, rulesFile?: string): AlertingConfig {
  return loadAlertingConfig(rulesFile ?? defaultAlertingPath(pack.file), pack);
}
