// The theatre map as SVG: the bundled Natural Earth 10m coastlines, graticule, scale bar, the pack's areas (median line,
// approximate ADIZ), the day's MSA closure areas, and the straits with a reported passage. Pan and zoom change only the
// viewBox (drag, wheel, the buttons, or the keyboard when the map has focus); the drawing is projected once.
import { h } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ObservationView } from '../api-types.js';
import { geometryPath, kmPerUnit, labelPoint, projection, type Position } from '../charts/geo-projection.js';
import { placeName, translate, type Lang, type MessageKey } from '../i18n.js';
import { BASEMAP_FRAME, islandPoints, landAreas } from './basemap.js';
import type { ClosureNotice, StraitPassage } from './layers.js';
import { PLACE_LABELS, STRAITS } from './places.js';
import {
  formatDegrees,
  graticuleStep,
  graticuleValues,
  panBy,
  scaleBar,
  viewBoxAttribute,
  zoomAt,
  zoomCentre,
  zoomOf,
  type ViewBox,
  type ViewLimits,
} from './viewbox.js';

export interface AreaFeature {
  properties: Record<string, unknown> | null;
  geometry: { type: string; coordinates?: unknown };
}

/** SVG units across the whole frame; the drawing never changes, only the viewBox. */
const FRAME_WIDTH = 1000;
export const PROJECT = projection(BASEMAP_FRAME, FRAME_WIDTH);

/** The view a page opens on: Pratas and Kinmen to the Miyako Strait, Matsu to the Bashi Channel. */
export const HOME_BOUNDS = { west: 116.2, south: 20, east: 129.2, north: 28.6 };

function homeView(): ViewBox {
  const [x0, y0] = PROJECT([HOME_BOUNDS.west, HOME_BOUNDS.north]);
  const [x1, y1] = PROJECT([HOME_BOUNDS.east, HOME_BOUNDS.south]);
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

export const LIMITS: ViewLimits = { width: PROJECT.width, height: PROJECT.height, home: homeView(), maxZoom: 8 };

let landPaths: { name: string; d: string }[] | undefined;

/** The coastline paths, projected once per page load. */
function land(): { name: string; d: string }[] {
  landPaths ??= landAreas().map((a) => ({
    name: a.name,
    d: a.rings.map((r) => geometryPath({ type: 'Polygon', coordinates: [r] }, PROJECT)).join(''),
  }));
  return landPaths;
}

export interface TheatreMapProps {
  lang: Lang;
  areas: Record<string, { features: AreaFeature[] }>;
  notices: readonly ClosureNotice[];
  passages: readonly StraitPassage[];
  located: readonly ObservationView[];
}

export function TheatreMap({ lang, areas, notices, passages, located }: TheatreMapProps) {
  const t = (k: MessageKey, vars?: Record<string, string | number>) => translate(lang, k, vars);
  const [view, setView] = useState<ViewBox>(LIMITS.home);
  const [pxWidth, setPxWidth] = useState(800);
  const svg = useRef<SVGSVGElement>(null);
  const drag = useRef<{ id: number; x: number; y: number; view: ViewBox } | undefined>(undefined);

  useEffect(() => {
    const el = svg.current;
    if (!el) return;
    const measure = () => setPxWidth(el.getBoundingClientRect().width || 800);
    measure();
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(measure) : undefined;
    observer?.observe(el);
    // Wheel zoom must cancel the page scroll, which needs a listener that is not passive.
    const wheel = (e: WheelEvent) => {
      e.preventDefault();
      setView((v) => zoomAt(v, e.deltaY < 0 ? 1.25 : 0.8, toSvg(el, v, e.clientX, e.clientY), LIMITS));
    };
    el.addEventListener('wheel', wheel, { passive: false });
    return () => {
      observer?.disconnect();
      el.removeEventListener('wheel', wheel);
    };
  }, []);

  /** SVG units per screen pixel: text and marks are sized in pixels whatever the zoom. */
  const u = view.width / pxWidth;
  const zoom = zoomOf(view, LIMITS);
  const active = new Set(passages.map((p) => p.strait));
  const adiz = areas.adiz?.features ?? [];
  const median = areas.medianLine?.features ?? [];
  const others = Object.entries(areas).filter(([k]) => k !== 'adiz' && k !== 'medianLine' && k !== 'basemap');

  const onKey = (e: KeyboardEvent) => {
    const step = 0.15;
    const moves: Record<string, () => ViewBox> = {
      ArrowLeft: () => panBy(view, -view.width * step, 0, LIMITS),
      ArrowRight: () => panBy(view, view.width * step, 0, LIMITS),
      ArrowUp: () => panBy(view, 0, -view.height * step, LIMITS),
      ArrowDown: () => panBy(view, 0, view.height * step, LIMITS),
      '+': () => zoomCentre(view, 1.5, LIMITS),
      '=': () => zoomCentre(view, 1.5, LIMITS),
      '-': () => zoomCentre(view, 1 / 1.5, LIMITS),
      '0': () => LIMITS.home,
    };
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    setView(move());
  };

  return h(
    'div',
    { class: 'theatre-map' },
    h(
      'div',
      { class: 'map-toolbar', role: 'toolbar', 'aria-label': t('map.controls') },
      h(
        'button',
        {
          type: 'button',
          'data-testid': 'map-zoom-in',
          'aria-label': t('map.zoomIn'),
          title: t('map.zoomIn'),
          onClick: () => setView((v) => zoomCentre(v, 1.5, LIMITS)),
        },
        '+',
      ),
      h(
        'button',
        {
          type: 'button',
          'data-testid': 'map-zoom-out',
          'aria-label': t('map.zoomOut'),
          title: t('map.zoomOut'),
          onClick: () => setView((v) => zoomCentre(v, 1 / 1.5, LIMITS)),
        },
        '−',
      ),
      h('button', { type: 'button', 'data-testid': 'map-reset', onClick: () => setView(LIMITS.home) }, t('map.reset')),
      h('span', { class: 'muted map-help' }, t('map.help')),
    ),
    h(
      'svg',
      {
        ref: svg,
        viewBox: viewBoxAttribute(view),
        class: 'map',
        role: 'img',
        // SVG needs the lower-case attribute: `tabIndex` would be set as an unknown attribute and never take focus.
        tabindex: 0,
        'data-testid': 'map',
        'data-zoom': zoom.toFixed(2),
        'aria-label': `${t('map.title')}. ${t('map.help')}`,
        style: { aspectRatio: `${LIMITS.home.width} / ${LIMITS.home.height}` },
        onKeyDown: onKey,
        onPointerDown: (e: PointerEvent) => {
          if (e.button !== 0) return;
          drag.current = { id: e.pointerId, x: e.clientX, y: e.clientY, view };
          (e.currentTarget as Element).setPointerCapture?.(e.pointerId);
        },
        onPointerMove: (e: PointerEvent) => {
          const d = drag.current;
          if (!d || d.id !== e.pointerId) return;
          const scale = d.view.width / pxWidth;
          setView(panBy(d.view, (d.x - e.clientX) * scale, (d.y - e.clientY) * scale, LIMITS));
        },
        onPointerUp: () => (drag.current = undefined),
        onPointerCancel: () => (drag.current = undefined),
      },
      h('rect', { x: 0, y: 0, width: PROJECT.width, height: PROJECT.height, class: 'sea' }),
      graticuleLines(view),
      ...land().map((l) => h('path', { d: l.d, class: `land land-${l.name.toLowerCase()}`, 'data-land': l.name })),
      ...islandPoints().map((p) => {
        const [x, y] = PROJECT(p.at);
        return h('circle', {
          cx: x,
          cy: y,
          r: 3 * u,
          class: `land land-${p.country.toLowerCase()} island-point`,
          'data-island': p.name,
        });
      }),
      ...adiz.map((f) =>
        h(
          'path',
          { d: geometryPath(f.geometry, PROJECT), class: 'area area-adiz', 'data-area': 'adiz' },
          h('title', null, t('map.adiz')),
        ),
      ),
      ...median.map((f) =>
        h(
          'path',
          { d: geometryPath(f.geometry, PROJECT), class: 'area area-medianLine', 'data-area': 'medianLine' },
          h('title', null, t('map.medianLine')),
        ),
      ),
      ...others.flatMap(([k, fc]) =>
        fc.features.map((f) =>
          h(
            'path',
            { d: geometryPath(f.geometry, PROJECT), class: `area area-${k}`, 'data-area': k },
            h('title', null, String(f.properties?.name ?? k)),
          ),
        ),
      ),
      ...STRAITS.filter((s) => s.line).map((s) => {
        const [a, b] = s.line!.map((p) => PROJECT(p));
        const on = active.has(s.id);
        return h(
          'line',
          {
            x1: a[0],
            y1: a[1],
            x2: b[0],
            y2: b[1],
            class: on ? 'strait strait-active' : 'strait',
            'data-strait': s.id,
            'data-active': on ? 'yes' : 'no',
          },
          h('title', null, t(`strait.${s.id}` as MessageKey)),
        );
      }),
      ...notices
        .filter((n) => n.geometry)
        .map((n) =>
          h(
            'path',
            { d: geometryPath(n.geometry!, PROJECT), class: 'closure', 'data-notice': n.number },
            h('title', null, `${n.number} ${n.periodStated ?? ''}`),
          ),
        ),
      ...located.map((o) =>
        h(
          'path',
          { d: geometryPath(o.geometry!, PROJECT), class: 'located' },
          h('title', null, `${o.series}: ${o.value ?? '—'} (${o.source})`),
        ),
      ),
      graticuleLabels(view, u),
      ...labels(lang, u, pxWidth < 520, adiz, median, notices, active),
      scale(lang, view, u),
      h(
        'text',
        {
          x: view.x + view.width - 6 * u,
          y: view.y + view.height - 6 * u,
          class: 'attribution',
          'text-anchor': 'end',
          style: fontSize(10 * u),
        },
        t('map.attribution'),
      ),
    ),
  );
}

/** Font size in SVG units as an inline style: it must win over any fixed size in the stylesheet. */
function fontSize(units: number): { fontSize: string } {
  return { fontSize: `${Math.round(units * 100) / 100}px` };
}

function toSvg(el: SVGSVGElement, view: ViewBox, clientX: number, clientY: number): [number, number] {
  const r = el.getBoundingClientRect();
  return [view.x + ((clientX - r.left) / r.width) * view.width, view.y + ((clientY - r.top) / r.height) * view.height];
}

function graticuleLines(view: ViewBox) {
  const { step, lons, lats } = graticuleIn(view);
  return h(
    'g',
    { class: 'graticule', 'data-step': step },
    ...lons.map((lon) => {
      const [x] = PROJECT([lon, 0]);
      return h('line', { x1: x, y1: 0, x2: x, y2: PROJECT.height });
    }),
    ...lats.map((lat) => {
      const [, y] = PROJECT([0, lat]);
      return h('line', { x1: 0, y1: y, x2: PROJECT.width, y2: y });
    }),
  );
}

/** The degree labels along the top and left edges of the view, drawn over the land. */
function graticuleLabels(view: ViewBox, u: number) {
  const { lons, lats } = graticuleIn(view);
  const [west, north] = PROJECT.invert([view.x, view.y]);
  const [east, south] = PROJECT.invert([view.x + view.width, view.y + view.height]);
  const font = 10 * u;
  return h(
    'g',
    { class: 'graticule graticule-labels' },
    ...lons
      .filter((lon) => lon > west && lon < east)
      .map((lon) =>
        h(
          'text',
          { x: PROJECT([lon, 0])[0] + 3 * u, y: view.y + 12 * u, style: fontSize(font) },
          formatDegrees(lon, 'E'),
        ),
      ),
    ...lats
      .filter((lat) => lat > south && lat < north)
      .map((lat) =>
        h(
          'text',
          { x: view.x + 3 * u, y: PROJECT([0, lat])[1] - 3 * u, style: fontSize(font) },
          formatDegrees(lat, 'N'),
        ),
      ),
  );
}

function graticuleIn(view: ViewBox): { step: number; lons: number[]; lats: number[] } {
  const [west] = PROJECT.invert([view.x, view.y]);
  const [east] = PROJECT.invert([view.x + view.width, view.y + view.height]);
  const step = graticuleStep(east - west);
  return {
    step,
    lons: graticuleValues(BASEMAP_FRAME.west, BASEMAP_FRAME.east, step),
    lats: graticuleValues(BASEMAP_FRAME.south, BASEMAP_FRAME.north, step),
  };
}

function scale(lang: Lang, view: ViewBox, u: number) {
  const [, lat] = PROJECT.invert([view.x + view.width / 2, view.y + view.height / 2]);
  const bar = scaleBar(kmPerUnit(PROJECT, lat), 120 * u);
  const [x, y] = [view.x + 10 * u, view.y + view.height - 14 * u];
  const tick = 4 * u;
  return h(
    'g',
    { class: 'scale-bar', 'data-testid': 'scale-bar', 'data-km': bar.km },
    h('path', { d: `M${x},${y - tick}V${y}H${x + bar.units}V${y - tick}` }),
    h('text', { x: x + bar.units + 4 * u, y, style: fontSize(11 * u) }, translate(lang, 'map.km', { km: bar.km })),
  );
}

function labels(
  lang: Lang,
  u: number,
  /** A phone-sized map: sea names left out, the rest smaller, so the islands stay readable. */
  narrow: boolean,
  adiz: readonly AreaFeature[],
  median: readonly AreaFeature[],
  notices: readonly ClosureNotice[],
  active: ReadonlySet<string>,
) {
  const text = (at: Position, content: string, cls: string, size: number, anchor = 'middle') => {
    const [x, y] = PROJECT(at);
    const dx = anchor === 'start' ? 5 * u : anchor === 'end' ? -5 * u : 0;
    return h('text', { x: x + dx, y, class: cls, 'text-anchor': anchor, style: fontSize(size * u) }, content);
  };
  const out = PLACE_LABELS.filter((p) => !(narrow && p.kind === 'sea')).map((p) =>
    text(
      p.at,
      placeName(lang, p.name),
      `place place-${p.kind}`,
      (p.kind === 'land' ? 13 : 11) - (narrow ? 2 : 0),
      p.anchor,
    ),
  );
  const medianLine = median[0]?.geometry.coordinates as Position[] | undefined;
  if (medianLine && medianLine.length >= 2)
    out.push(text(medianLine[medianLine.length - 1], translate(lang, 'map.medianLine'), 'area-label', 11, 'start'));
  // The ADIZ label just inside its east edge, below the top of the default view.
  const ring = (adiz[0]?.geometry.coordinates as Position[][] | undefined)?.[0];
  if (ring && ring.length > 0) {
    const east = Math.max(...ring.map((p) => p[0]));
    out.push(text([east - 0.08, 27.6], translate(lang, 'map.adiz'), 'area-label adiz-label', 11, 'end'));
  }
  // An active strait is named beside the middle of its gate, where the frame edge cannot cut it off.
  for (const s of STRAITS)
    if (s.line && active.has(s.id)) {
      const [a, b] = s.line;
      const mid: Position = [(a[0] + b[0]) / 2 + 0.1, (a[1] + b[1]) / 2 - 0.15];
      out.push(text(mid, translate(lang, `strait.${s.id}` as MessageKey), 'strait-label-active', 11, 'start'));
    }
  // A Chinese notice and its English twin close the same area: one label, both numbers.
  const byPlace = new Map<string, { at: Position; numbers: string[] }>();
  for (const n of notices) {
    const at = n.geometry ? labelPoint(n.geometry, BASEMAP_FRAME) : undefined;
    if (!at) continue;
    const key = `${at[0].toFixed(2)},${at[1].toFixed(2)}`;
    byPlace.set(key, { at, numbers: [...(byPlace.get(key)?.numbers ?? []), n.number] });
  }
  for (const { at, numbers } of byPlace.values()) out.push(text(at, numbers.join(' · '), 'closure-label', 10));
  return out;
}
