import { describe, expect, it } from 'vitest';
import { loadOnce } from '../../../src/map/load-once';

describe('loadOnce', () => {
  it('shares one load between calls, and tries again after a failure', async () => {
    let calls = 0;
    let fail = true;
    const load = loadOnce(async () => {
      calls++;
      if (fail) throw new Error('offline');
      return 'code';
    });
    await expect(Promise.all([load(), load()])).rejects.toThrow('offline');
    expect(calls).toBe(1);
    fail = false;
    expect(await load()).toBe('code');
    expect(await load()).toBe('code');
    expect(calls).toBe(2);
  });
});
