// The top bar: theatre name, the views, live status, language switch and sign-out.
import { h } from 'preact';
import { api, setCsrfToken } from '../api-client.js';
import { navigate, setState } from '../app-state.js';
import type { SessionView } from '../api-types.js';
import { translate, type Lang, type MessageKey } from '../i18n.js';
import type { ViewName } from '../route.js';

const NAV: [ViewName, MessageKey][] = [
  ['board', 'nav.board'],
  ['map', 'nav.map'],
  ['timeline', 'nav.timeline'],
  ['explain', 'nav.explain'],
  ['rollup', 'nav.rollup'],
  ['alerts', 'nav.alerts'],
  ['brief', 'nav.brief'],
  ['warnings', 'nav.warnings'],
  ['scorecard', 'nav.scorecard'],
];

export function HeaderBar({
  lang,
  view,
  theatre,
  session,
  live,
}: {
  lang: Lang;
  view: ViewName;
  theatre: string;
  session: SessionView;
  live: boolean;
}) {
  const signOut = async () => {
    await api('/session', { method: 'DELETE' }).catch(() => undefined);
    setCsrfToken(undefined);
    setState({ session: null });
  };
  return h(
    'header',
    { class: 'topbar' },
    h('strong', { class: 'brand' }, 'VIGIL'),
    h('span', { class: 'theatre' }, theatre),
    h(
      'nav',
      null,
      ...NAV.map(([v, key]) =>
        h(
          'a',
          {
            href: '#',
            class: view === v || (v === 'board' && view === 'indicator') ? 'active' : '',
            'data-nav': v,
            onClick: (e: Event) => {
              e.preventDefault();
              navigate({ view: v });
            },
          },
          translate(lang, key),
        ),
      ),
    ),
    h(
      'span',
      {
        class: `live ${live ? 'on' : 'off'}`,
        title: live ? translate(lang, 'common.live') : translate(lang, 'common.offline'),
      },
      live ? '●' : '○',
    ),
    h('a', { href: '/api/v1/docs/', target: '_blank', rel: 'noopener', class: 'docs' }, translate(lang, 'nav.docs')),
    h(
      'button',
      {
        type: 'button',
        class: 'lang',
        'data-testid': 'lang-switch',
        onClick: () => setState({ lang: lang === 'en' ? 'zh-Hant' : 'en' }),
      },
      lang === 'en' ? '中文' : 'EN',
    ),
    h('span', { class: 'user' }, `${session.user.username} (${session.user.role})`),
    h('button', { type: 'button', onClick: signOut }, translate(lang, 'nav.signout')),
  );
}
