/**
 * Lines every IOS 15 running-config shows for features Trame does not model (boot markers,
 * IPv6 CEF, spanning-tree mode...). They are accepted as typed, in full, and change
 * nothing, so a configuration printed by a real device or by Trame reads back cleanly.
 */

import type { IosKind } from './config-edit.ts';
import { HIDDEN, type IosNode, kw, run } from './dsl.ts';

const COMMON = ['boot-start-marker', 'boot-end-marker', 'no aaa new-model'];

const DEFAULT_LINES: Record<IosKind, readonly string[]> = {
  router: [
    ...COMMON,
    'no ipv6 cef',
    // What `ipv6 unicast-routing` turns it into.
    'ipv6 cef',
    'multilink bundle-name authenticated',
    'ip forward-protocol nd',
    'scheduler allocate 20000 1000',
    // A hidden default on IOS 15, which accepts it; Packet Tracer's configurations print it.
    'ip classless',
  ],
  switch: [
    ...COMMON,
    'no service pad',
    'system mtu routing 1500',
    'spanning-tree mode pvst',
    'spanning-tree extend system-id',
    'vlan internal allocation policy ascending',
  ],
};

const accept = run(() => {}).run;

/** Adds the platform's default lines to the global configuration tree as hidden no-ops. */
export function addDefaultLines(root: IosNode, kind: IosKind): void {
  for (const line of DEFAULT_LINES[kind]) {
    const words = line.split(' ');
    let parent = root;
    words.forEach((word, k) => {
      const at = parent.children.findIndex((c) => c.kind === 'keyword' && c.word === word);
      let node = at >= 0 ? parent.children[at]! : kw(word, '', HIDDEN);
      if (k === words.length - 1 && !node.run) node = { ...node, run: accept };
      if (at >= 0) parent.children[at] = node;
      else parent.children.push(node);
      parent = node;
    });
  }
}
