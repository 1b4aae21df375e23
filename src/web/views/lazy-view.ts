// A view whose code is loaded when it is first shown (a separate chunk), so the board's first render does not pay for
// it: the Explanation view bundles the analysis for its what-if.
import { h, type FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { translate } from '../i18n.js';
import type { ViewProps } from './board-view.js';

export function lazyView(load: () => Promise<FunctionComponent<ViewProps>>): FunctionComponent<ViewProps> {
  let loaded: FunctionComponent<ViewProps> | undefined;
  return function LazyView(props: ViewProps) {
    const [view, setView] = useState<{ C: FunctionComponent<ViewProps> } | undefined>(
      loaded ? { C: loaded } : undefined,
    );
    const [failed, setFailed] = useState<string | undefined>();
    useEffect(() => {
      if (view) return;
      load().then(
        (C) => {
          loaded = C;
          setView({ C });
        },
        (e: Error) => setFailed(e.message),
      );
    }, []);
    if (failed) return h('p', { class: 'error' }, `${translate(props.lang, 'common.error')}: ${failed}`);
    return view ? h(view.C, props) : h('p', { class: 'loading' }, translate(props.lang, 'common.loading'));
  };
}
