import { ZenEngine } from '@gorules/zen-engine';
const engine = new ZenEngine();
const content = {
  contentType: 'application/vnd.gorules.decision',
  nodes: [
    { id: 'in', type: 'inputNode', name: 'in', position: {x:0,y:0} },
    { id: 'items', type: 'expressionNode', name: 'items', position: {x:0,y:0}, content: { expressions: [
      { id: 'e1', key: 'r1', value: 'r1 >= 0.92 ? 4 : round(max([0, 4 - ceil((0.92 - r1) * 100) * 0.5]), 2)' },
      { id: 'e2', key: 'nested.x', value: 'r1 * 2' },
    ] } },
    { id: 'yt', type: 'decisionTableNode', name: 'yt', position: {x:0,y:0}, content: {
      hitPolicy: 'first',
      inputs: [{ id: 'iy', name: 'y', field: 'y1' }, { id: 'ie', name: 'e', field: 'e1' }],
      outputs: [{ id: 'oy', name: 'y1', field: 'y1' }],
      rules: [
        { _id: 'a', iy: 'true', ie: 'true', oy: '2' },
        { _id: 'b', iy: 'true', ie: '', oy: '1' },
        { _id: 'c', iy: '', ie: '', oy: '0' },
      ] } },
    { id: 'sum', type: 'expressionNode', name: 'sum', position: {x:0,y:0}, content: { expressions: [
      { id: 's', key: 'total', value: 'r1 + y1' },
      { id: 's2', key: 'all', value: '$' },
    ] } },
    { id: 'out', type: 'outputNode', name: 'out', position: {x:0,y:0} },
  ],
  edges: [
    { id: 'a', sourceId: 'in', targetId: 'items', type: 'edge' },
    { id: 'a2', sourceId: 'in', targetId: 'yt', type: 'edge' },
    { id: 'b', sourceId: 'items', targetId: 'sum', type: 'edge' },
    { id: 'b2', sourceId: 'yt', targetId: 'sum', type: 'edge' },
    { id: 'c', sourceId: 'sum', targetId: 'out', type: 'edge' },
  ],
};
const d = engine.createDecision(content);
console.log(JSON.stringify(await d.evaluate({ r1: 0.9123, y1: true, e1: false })));
const N = 20000; let t = performance.now();
for (let i = 0; i < N; i++) await d.evaluate({ r1: 0.9123, y1: true, e1: false });
console.log('seq µs', (performance.now() - t) * 1000 / N);
t = performance.now();
const ps = []; for (let i = 0; i < N; i++) ps.push(d.evaluate({ r1: 0.9123, y1: true, e1: false }));
await Promise.all(ps);
console.log('par µs', (performance.now() - t) * 1000 / N);
