import { describe, expect, it } from 'vitest';
import { longestScript, type LongFrame } from '../../../scripts/bench/browser/probes';
import { timeRounds } from '../../../scripts/bench/stats';

const script = (start: number, duration: number, invoker: string, sourceURL = '', sourceFunctionName = '') => ({ start, duration, invoker, invokerType: 'event-listener', sourceURL, sourceFunctionName });

describe('longestScript', () => {
  const frames: LongFrame[] = [
    { start: 0, duration: 300, renderStart: 250, blockingDuration: 250, scripts: [script(10, 240, 'FrameRequestCallback'), script(5, 40, 'Worker.onmessage')] },
    { start: 400, duration: 120, renderStart: 110, blockingDuration: 70, scripts: [script(405, 90, 'DIV#root.onchange', 'http://127.0.0.1:4180/assets/index-abc.js', 'onChange')] },
  ];

  it('leaves out requestAnimationFrame callbacks and keeps the window by start time', () => {
    expect(longestScript(frames, 0, 1000)).toEqual({ durationMs: 90, invoker: 'event-listener: DIV#root.onchange', source: 'index-abc.js onChange' });
    expect(longestScript(frames, 0, 100)).toEqual({ durationMs: 40, invoker: 'event-listener: Worker.onmessage', source: null });
  });

  it('says 0 and no invoker when no script of a long frame falls in the window', () => {
    expect(longestScript(frames, 500, 1000)).toEqual({ durationMs: 0, invoker: null, source: null });
  });
});

describe('timeRounds', () => {
  it('runs each function once per round after the warm-up, rotating the order, and returns the last results', () => {
    const calls: string[] = [];
    const [a, b] = timeRounds([() => (calls.push('a'), 1), () => (calls.push('b'), 'two')] as const, { rounds: 3, warmup: 1 });
    expect(calls).toEqual(['a', 'b', 'a', 'b', 'b', 'a', 'a', 'b']);
    expect(a.result).toBe(1);
    expect(b.result).toBe('two');
    expect(a.timing.runs).toBe(3);
    expect(b.timing.samples).toHaveLength(3);
  });
});
