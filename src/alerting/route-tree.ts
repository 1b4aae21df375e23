// The route stage: which nodes of the route tree an alert's labels reach (depth first, first match wins unless `continue`).
import type { RouteNode } from './alerting-config.js';
import type { Labels } from './labels.js';
import { matchesAll } from './matchers.js';

/** Alertmanager's semantics: the deepest matching routes; a node with no matching child handles the alert itself. */
export function matchRoutes(route: RouteNode, labels: Labels): RouteNode[] {
  if (!matchesAll(route.matchers, labels)) return [];
  const all: RouteNode[] = [];
  for (const child of route.children) {
    const found = matchRoutes(child, labels);
    all.push(...found);
    if (found.length > 0 && !child.continue) break;
  }
  return all.length > 0 ? all : [route];
}

export function findRoute(route: RouteNode, id: string): RouteNode | undefined {
  if (route.id === id) return route;
  for (const child of route.children) {
    const found = findRoute(child, id);
    if (found) return found;
  }
  return undefined;
}

/** The labels a route groups an alert by (`all` keeps every label). */
export function groupLabels(route: RouteNode, labels: Labels): Labels {
  if (route.groupBy === 'all') return labels;
  return Object.fromEntries(route.groupBy.filter((n) => labels[n] !== undefined).map((n) => [n, labels[n]]));
}

export function allRoutes(route: RouteNode): RouteNode[] {
  return [route, ...route.children.flatMap(allRoutes)];
}
