import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { PROGRESS_RECHECK_MS, watchScreenProgress } from './popup-model';
import type { ScreenProgress } from '../background/signals-refresh';

describe('screen progress in the popup', () => {
  it('shows stored progress only when the worker says a screen runs', async () => {
    const progress = signal<ScreenProgress | null>(null);
    let asked = 0;
    const watch = watchScreenProgress(progress, async () => (asked++, false));
    await watch.stored({ done: 12, total: 60 }); // a stopped worker's last report
    expect(progress.value).toBeNull();
    expect(asked).toBe(1);
    await watch.stored('garbage');
    expect(progress.value).toBeNull();
    expect(asked).toBe(1); // nothing to show: nothing to ask
  });

  it('follows a running screen without asking at every step, and drops it once the worker stops', async () => {
    const progress = signal<ScreenProgress | null>(null);
    let running = true;
    let asked = 0;
    let clock = 0;
    const watch = watchScreenProgress(progress, async () => (asked++, running), () => clock);
    await watch.stored({ done: 1, total: 60 });
    await watch.stored({ done: 2, total: 60 });
    expect(progress.value).toEqual({ done: 2, total: 60 });
    expect(asked).toBe(1);
    // The worker is stopped mid-screen: its last report stays in storage, unchanged.
    running = false;
    clock += PROGRESS_RECHECK_MS;
    await watch.recheck();
    expect(progress.value).toBeNull();
    expect(asked).toBe(2);
    await watch.stored(null);
    expect(progress.value).toBeNull();
  });

  it('treats a worker that cannot answer as not screening', async () => {
    const progress = signal<ScreenProgress | null>(null);
    const watch = watchScreenProgress(progress, () => Promise.reject(new Error('Could not establish connection')));
    await watch.stored({ done: 3, total: 10 });
    expect(progress.value).toBeNull();
  });
});
