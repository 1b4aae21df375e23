// Serialises a Preact element tree without hooks (the charts) to markup, so generated SVG can be held to a golden file.
import type { VNode } from 'preact';

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function vnodeMarkup(node: unknown, indent = ''): string {
  if (node === null || node === undefined || typeof node === 'boolean') return '';
  if (typeof node === 'string' || typeof node === 'number') return `${indent}${escape(String(node))}\n`;
  if (Array.isArray(node)) return node.map((n) => vnodeMarkup(n, indent)).join('');
  const vnode = node as VNode<Record<string, unknown>>;
  if (typeof vnode.type === 'function')
    return vnodeMarkup((vnode.type as (p: unknown) => unknown)(vnode.props), indent);
  const { children, ...props } = vnode.props;
  const attrs = Object.entries(props)
    .filter(([k, v]) => !k.startsWith('on') && v !== undefined && v !== null && v !== false)
    .map(([k, v]) => ` ${k === 'className' ? 'class' : k}="${escape(String(v))}"`)
    .join('');
  const inner = vnodeMarkup(children, `${indent}  `);
  return inner === ''
    ? `${indent}<${String(vnode.type)}${attrs}/>\n`
    : `${indent}<${String(vnode.type)}${attrs}>\n${inner}${indent}</${String(vnode.type)}>\n`;
}
