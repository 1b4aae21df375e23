// Loading and error states, the same everywhere.
import { h } from 'preact';
import type { Loaded } from '../use-api.js';
import { translate, type Lang } from '../i18n.js';

export function StatusLine({ lang, loaded }: { lang: Lang; loaded: Loaded<unknown> }) {
  if (loaded.error)
    return h('p', { class: 'error', role: 'alert' }, `${translate(lang, 'common.error')}: ${loaded.error.message}`);
  if (loaded.loading && loaded.data === undefined)
    return h('p', { class: 'loading' }, translate(lang, 'common.loading'));
  return null;
}
