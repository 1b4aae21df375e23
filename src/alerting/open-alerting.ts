// Opens what the alerting commands need: the rules file (default beside the pack) and the alert store in the main database.
import type { LoadedPack } from '../packs/pack-loader.js';
import type { AlertStore } from './alert-store.js';
import type { AlertingConfig } from './alerting-config.js';
import { defaultAlertingPath, loadAlertingConfig } from './load-alerting-config.js';
import { openAlertStore } from './open-alert-store.js';

/** `--rules FILE`, else `<pack dir>/alerting.yaml`, validated against the pack. */
export function loadPackAlerting(pack: LoadedPack, rulesFile?: string): AlertingConfig {
  return loadAlertingConfig(rulesFile ?? defaultAlertingPath(pack.file), pack);
}

/** Opens and migrates the alert store for a database URL, runs `fn`, and always closes it. */
export async function withAlertStore<T>(dbUrl: string, fn: (store: AlertStore) => Promise<T>): Promise<T> {
  const store = openAlertStore(dbUrl);
  try {
    await store.migrate();
    return await fn(store);
  } finally {
    await store.close();
  }
}
