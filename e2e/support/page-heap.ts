// What a page keeps in memory, as Chromium's DevTools count it (the same as widget-cdn/scripts/bench.mjs).
import type { CDPSession } from 'playwright-core';

export type PageHeap = {
  /** V8's used heap (CDP `Runtime.getHeapUsage`). */
  jsHeap: number;
  /** A heap snapshot's total: V8's objects and the browser's own that they hold (DOM, styles, script sources). */
  snapshot: number;
};

/** The page's heap after full garbage collections (what it keeps, not garbage waiting to be collected). */
export async function pageHeap(cdp: CDPSession): Promise<PageHeap> {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const chunks: string[] = [];
  const onChunk = (event: { chunk: string }) => chunks.push(event.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const { snapshot, nodes } = JSON.parse(chunks.join('')) as { snapshot: { meta: { node_fields: string[] } }; nodes: number[] };
  const fields = snapshot.meta.node_fields;
  const selfSize = fields.indexOf('self_size');
  let total = 0;
  for (let i = selfSize; i < nodes.length; i += fields.length) total += nodes[i] ?? 0;
  return { jsHeap: usedSize, snapshot: total };
}
