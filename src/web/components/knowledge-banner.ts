// What the board does not know, said before the level: the assessment's degraded/unknown state with the core
// indicators not reporting, and (on the latest day) the sources past their cadence now.
import { h } from 'preact';
import type { HealthView, KnowledgeView } from '../api-types.js';
import { reasonName, stateName, translate, type Lang } from '../i18n.js';

export function KnowledgeBanner({
  lang,
  knowledge,
  label,
}: {
  lang: Lang;
  knowledge: KnowledgeView;
  label: (ind: { id: string; name: string }) => string;
}) {
  if (knowledge.state === 'ok') return null;
  const t = (k: Parameters<typeof translate>[1], v?: Record<string, string | number>) => translate(lang, k, v);
  const headline =
    knowledge.state === 'unknown'
      ? t('knowledge.unknown')
      : t('knowledge.degraded', { n: knowledge.reporting, m: knowledge.core.length, min: knowledge.minReporting });
  return h(
    'section',
    {
      class: `knowledge-banner knowledge-${knowledge.state}`,
      role: 'alert',
      'data-testid': 'knowledge-banner',
      'data-state': knowledge.state,
    },
    h('strong', null, headline),
    h(
      'div',
      { class: 'not-reporting' },
      `${t('knowledge.notReporting')}: `,
      ...knowledge.notReporting.map((n, i) =>
        h(
          'span',
          { class: `nr state-${n.state}`, title: n.reason ? reasonName(lang, n.reason) : '' },
          `${i ? ', ' : ''}${label(n)} (${stateName(lang, n.state)})`,
        ),
      ),
    ),
  );
}

export function StaleSourcesBanner({ lang, health }: { lang: Lang; health: HealthView | undefined }) {
  if (!health || health.status === 'ok') return null;
  const t = (k: Parameters<typeof translate>[1], v?: Record<string, string | number>) => translate(lang, k, v);
  const stale = health.staleSources.map(
    (s) =>
      `${lang === 'zh-Hant' && s.nameZh ? s.nameZh : s.name} (${s.ageDays === null ? t('knowledge.never') : t('knowledge.days', { n: Math.floor(s.ageDays), c: s.cadenceDays })})`,
  );
  const failing = health.failingCollectors.map((c) => `${c.id} ×${c.consecutiveFailures}`);
  return h(
    'section',
    { class: 'knowledge-banner knowledge-stale', role: 'status', 'data-testid': 'stale-banner' },
    stale.length ? h('div', null, t('knowledge.staleNow', { list: stale.join(', ') })) : null,
    failing.length ? h('div', null, t('knowledge.failing', { list: failing.join(', ') })) : null,
  );
}
