/**
 * Reads a V8 `.cpuprofile` (from `node --cpu-prof`) and ranks where the time went.
 *
 * Self time: samples whose top frame is the function. Total time: samples with the function
 * anywhere on the stack (counted once per sample, so recursion does not inflate it).
 */

import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * @typedef {{ id: number, callFrame: { functionName: string, url: string, lineNumber: number },
 *   children?: number[] }} ProfileNode
 * @typedef {{ name: string, where: string, selfMs: number, selfPercent: number,
 *   totalMs: number, totalPercent: number }} HotSpot
 */

const MAX_NAME = 80;

/**
 * @param {string} url
 * @param {string} root
 */
function shortUrl(url, root) {
  if (url === '') return '(native)';
  if (!url.startsWith('file:')) return url;
  return relative(root, fileURLToPath(url));
}

/**
 * Ranks functions by self and total time.
 *
 * @param {string} file a `.cpuprofile`
 * @param {string} root paths are shown relative to it
 * @returns {{ totalMs: number, bySelf: HotSpot[], byTotal: HotSpot[], byFile: { file: string, selfMs: number, selfPercent: number }[] }}
 */
export function summarizeProfile(file, root) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  /** @type {Map<number, ProfileNode>} */
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  /** @type {Map<number, number>} */
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  /** @param {ProfileNode} node */
  const keyOf = (node) => {
    const { functionName, url, lineNumber } = node.callFrame;
    return `${functionName || '(anonymous)'}\u0000${shortUrl(url, root)}:${lineNumber + 1}`;
  };
  const deltas = profile.timeDeltas;
  /** @type {Map<string, { self: number, total: number }>} */
  const stats = new Map();
  /** @type {Map<string, number>} */
  const files = new Map();
  let totalUs = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const us = deltas[i + 1] ?? deltas[i] ?? 0;
    const top = nodes.get(profile.samples[i]);
    if (top === undefined) continue;
    const name = top.callFrame.functionName;
    if (name === '(idle)' || name === '(program)') continue;
    totalUs += us;
    const seen = new Set();
    for (let node = top; node !== undefined; node = nodes.get(parent.get(node.id) ?? -1)) {
      const key = keyOf(node);
      const entry = stats.get(key) ?? { self: 0, total: 0 };
      if (node === top) entry.self += us;
      if (!seen.has(key)) entry.total += us;
      seen.add(key);
      stats.set(key, entry);
    }
    const where = shortUrl(top.callFrame.url, root);
    files.set(where, (files.get(where) ?? 0) + us);
  }
  const spots = [...stats].map(([key, { self, total }]) => {
    const [name, where] = key.split('\u0000');
    return {
      // Native RegExp frames are named after their whole source: keep the start.
      name: name.length > MAX_NAME ? `${name.slice(0, MAX_NAME)}…` : name,
      where,
      selfMs: Math.round(self / 1000),
      selfPercent: round1((100 * self) / totalUs),
      totalMs: Math.round(total / 1000),
      totalPercent: round1((100 * total) / totalUs),
    };
  });
  const ignoreTotal = new Set(['(root)', '(garbage collector)']);
  return {
    totalMs: Math.round(totalUs / 1000),
    bySelf: spots.toSorted((a, b) => b.selfMs - a.selfMs).slice(0, 20),
    byTotal: spots
      .filter((s) => !ignoreTotal.has(s.name) && s.where.startsWith('dist/'))
      .toSorted((a, b) => b.totalMs - a.totalMs)
      .slice(0, 20),
    byFile: [...files]
      .map(([f, us]) => ({
        file: f,
        selfMs: Math.round(us / 1000),
        selfPercent: round1((100 * us) / totalUs),
      }))
      .toSorted((a, b) => b.selfMs - a.selfMs)
      .slice(0, 12),
  };
}

/** @param {number} n */
function round1(n) {
  return Math.round(n * 10) / 10;
}
