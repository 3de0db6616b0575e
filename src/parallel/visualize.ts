/**
 * `visualize(node)`: the task graph as text, in Mermaid (default) or Graphviz DOT.
 * @module
 */
import { Delayed, topoOrder } from './delayed.js';

/** Options of `visualize`. */
export interface VisualizeOptions {
  /** 'mermaid' (default) or 'dot'. */
  format?: 'mermaid' | 'dot';
}

function esc(s: string): string {
  return s.replace(/["\\]/g, (c) => `\\${c}`);
}

/**
 * The graph of one or more nodes, dependencies pointing to the tasks that use them.
 * @example
 * visualize(total)            // 'graph BT\n  n0["inc-1"] --> ...'
 * visualize(total, { format: 'dot' })
 */
export function visualize(nodes: Delayed | readonly Delayed[], opts: VisualizeOptions = {}): string {
  const roots = nodes instanceof Delayed ? [nodes] : [...nodes];
  const order = topoOrder(roots);
  const id = new Map<Delayed, string>(order.map((n, i) => [n, `n${i}`]));
  const edges: Array<[string, string]> = [];
  for (const n of order) for (const d of new Set(n.dependencies())) edges.push([id.get(d) as string, id.get(n) as string]);
  const label = (n: Delayed): string => esc(`${n.name}${n.local ? ' (main thread)' : ''}\n${n.key}`);
  if ((opts.format ?? 'mermaid') === 'dot') {
    const lines = ['digraph G {', '  rankdir=BT;'];
    for (const n of order) lines.push(`  ${id.get(n)} [label="${label(n).replace(/\n/g, '\\n')}", shape=${roots.includes(n) ? 'doublecircle' : 'circle'}];`);
    for (const [a, b] of edges) lines.push(`  ${a} -> ${b};`);
    lines.push('}');
    return lines.join('\n');
  }
  const lines = ['graph BT'];
  for (const n of order) lines.push(`  ${id.get(n)}["${label(n).replace(/\n/g, '<br/>')}"]`);
  for (const [a, b] of edges) lines.push(`  ${a} --> ${b}`);
  return lines.join('\n');
}
