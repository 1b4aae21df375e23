// Pan and zoom of the map as pure arithmetic on the SVG viewBox (no re-projection): zoom about a point, pan by an
// offset, kept inside the basemap frame and between the zoom limits; and the scale bar and graticule for a view.

export interface ViewBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ViewLimits {
  /** The drawable frame in SVG units (0,0 → width,height): the view never leaves it. */
  width: number;
  height: number;
  /** The default view: zoom 1, and the aspect every view keeps. */
  home: ViewBox;
  /** Largest zoom relative to home (8: an eighth of its width). */
  maxZoom: number;
}

/** Zoom of a view relative to home (2 = half as wide). */
export function zoomOf(view: ViewBox, limits: ViewLimits): number {
  return limits.home.width / view.width;
}

/** The smallest zoom: the whole frame in one direction, never more. */
export function minZoom(limits: ViewLimits): number {
  return Math.max(limits.home.width / limits.width, limits.home.height / limits.height);
}

/** The view with home's aspect, its zoom within limits (about its centre), moved back inside the frame. */
export function clampView(view: ViewBox, limits: ViewLimits): ViewBox {
  const zoom = Math.min(limits.maxZoom, Math.max(minZoom(limits), zoomOf(view, limits)));
  const width = limits.home.width / zoom;
  const height = limits.home.height / zoom;
  const cx = view.x + view.width / 2;
  const cy = view.y + view.height / 2;
  return {
    x: clamp(cx - width / 2, 0, limits.width - width),
    y: clamp(cy - height / 2, 0, limits.height - height),
    width,
    height,
  };
}

/** Zoom by `factor` (> 1 in, < 1 out) keeping the point `at` (SVG units) where it is on screen. */
export function zoomAt(view: ViewBox, factor: number, at: [number, number], limits: ViewLimits): ViewBox {
  const zoom = Math.min(limits.maxZoom, Math.max(minZoom(limits), zoomOf(view, limits) * factor));
  const width = limits.home.width / zoom;
  const ratio = width / view.width;
  const height = view.height * ratio;
  return clampView({ x: at[0] - (at[0] - view.x) * ratio, y: at[1] - (at[1] - view.y) * ratio, width, height }, limits);
}

/** Zoom about the centre of the view (the buttons and the keyboard). */
export function zoomCentre(view: ViewBox, factor: number, limits: ViewLimits): ViewBox {
  return zoomAt(view, factor, [view.x + view.width / 2, view.y + view.height / 2], limits);
}

/** Move the view by dx, dy SVG units (positive: the view moves east/south, the map moves west/north). */
export function panBy(view: ViewBox, dx: number, dy: number, limits: ViewLimits): ViewBox {
  return clampView({ ...view, x: view.x + dx, y: view.y + dy }, limits);
}

export function viewBoxAttribute(view: ViewBox): string {
  return [view.x, view.y, view.width, view.height].map((n) => Math.round(n * 100) / 100).join(' ');
}

/**
 * The scale bar's length: the longest of 1, 2, 5 × 10ⁿ km that fits in `maxUnits` SVG units, and its length in units.
 */
export function scaleBar(kmPerUnit: number, maxUnits: number): { km: number; units: number } {
  const maxKm = kmPerUnit * maxUnits;
  const power = 10 ** Math.floor(Math.log10(maxKm));
  const km = [5, 2, 1].map((m) => m * power).find((c) => c <= maxKm) ?? power;
  return { km, units: km / kmPerUnit };
}

/** Degrees between graticule lines for a view spanning `spanDegrees`: 4 to 10 lines. */
export function graticuleStep(spanDegrees: number): number {
  return [0.25, 0.5, 1, 2, 5].find((s) => spanDegrees / s <= 10) ?? 10;
}

/** The multiples of `step` strictly inside (from, to). */
export function graticuleValues(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let v = Math.floor(from / step + 1) * step; v < to - 1e-9; v += step) out.push(Math.round(v * 1000) / 1000);
  return out;
}

/** 121.5, 'E' → "121°30′E"; whole degrees without minutes. */
export function formatDegrees(value: number, hemisphere: 'N' | 'E'): string {
  const whole = Math.floor(value + 1e-9);
  const minutes = Math.round((value - whole) * 60);
  return minutes === 0 ? `${whole}°${hemisphere}` : `${whole}°${String(minutes).padStart(2, '0')}′${hemisphere}`;
}

function clamp(v: number, low: number, high: number): number {
  return Math.min(Math.max(v, low), Math.max(low, high));
}
