// One way to time a benchmark's rounds: warm-up rounds not counted, then the timed ones, each
// as wall-clock and CPU µs a unit (CPU time counts less of a shared machine's load).

const median = (xs: readonly number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** `round` scores `units` units; the medians over `rounds` timed runs, and the least CPU. */
export function timeRounds(
  round: () => void,
  units: number,
  rounds: number,
  warmup = 1,
): { wallUs: number; cpuUs: number; minCpuUs: number } {
  for (let w = 0; w < warmup; w++) round();
  const runs = Array.from({ length: rounds }, () => {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    round();
    const c = process.cpuUsage(c0);
    return { wall: ((performance.now() - t0) * 1000) / units, cpu: (c.user + c.system) / units };
  });
  return {
    wallUs: median(runs.map((r) => r.wall)),
    cpuUs: median(runs.map((r) => r.cpu)),
    minCpuUs: Math.min(...runs.map((r) => r.cpu)),
  };
}
