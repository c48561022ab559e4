import { describe, expect, it } from 'vitest';
import { createProcessPool } from '../../src/lib/process-pool.ts';
import type { Job, Reply } from '../fixtures/workers/jobs.ts';

const jobs = new URL('../fixtures/workers/jobs.ts', import.meta.url);

describe('a pool of worker processes', () => {
  it('answers every job with its own reply, one job at a time in each worker, on every worker', async () => {
    const pool = createProcessPool<Job, Reply>(jobs, 2, { workerData: { tag: 'データ' } });
    try {
      const values = Array.from({ length: 12 }, (_, i) => `仕事${i}`);
      const replies = await Promise.all(values.map((value) => pool.run({ value })));
      expect(replies.map((r) => r.value)).toEqual(values);
      expect(replies.every((r) => r.tag === 'データ' && r.running === 1)).toBe(true);
      expect(new Set(replies.map((r) => r.pid)).size).toBe(2);
    } finally {
      await pool.close();
    }
  });

  it('sends a worker its next job while it still works on one (no wait between two jobs)', async () => {
    const pool = createProcessPool<Job, Reply>(jobs, 1, { workerData: { tag: '' } });
    try {
      const [first, second] = await Promise.all([
        pool.run({ value: '一', holdForNext: 15_000 }),
        pool.run({ value: '二' }),
      ]);
      expect(first).toMatchObject({ value: '一', nextArrived: true, running: 1 });
      expect(second).toMatchObject({ value: '二', running: 1 });
    } finally {
      await pool.close();
    }
    // With one job at a time the worker never sees the next while at work: it waits out its 0.5 s.
    const single = createProcessPool<Job, Reply>(jobs, 1, { workerData: { tag: '' }, depth: 1 });
    try {
      const [first] = await Promise.all([single.run({ value: '一', holdForNext: 500 }), single.run({ value: '二' })]);
      expect(first.nextArrived).toBe(false);
    } finally {
      await single.close();
    }
  }, 20_000);

  it('fails the waiting jobs, and later ones, with the error of a worker that crashed', async () => {
    const pool = createProcessPool<Job, Reply>(jobs, 1, { workerData: { tag: '' }, name: 'test worker' });
    try {
      const results = await Promise.allSettled([
        pool.run({ value: '一' }),
        pool.run({ value: '二', crash: true }),
        pool.run({ value: '三' }),
      ]);
      expect(results[0]).toMatchObject({ status: 'fulfilled', value: { value: '一' } });
      for (const result of results.slice(1))
        expect(result.status === 'rejected' && (result.reason as Error).message).toBe('壊れました / broken on purpose');
      await expect(pool.run({ value: '四' })).rejects.toThrow('壊れました');
    } finally {
      await pool.close();
    }
  });

  it('fails what a worker held when it ends without an error, instead of waiting for ever', async () => {
    const pool = createProcessPool<Job, Reply>(jobs, 1, { workerData: { tag: '' }, name: 'test worker' });
    try {
      const results = await Promise.allSettled([pool.run({ value: '一', exit: true }), pool.run({ value: '二' })]);
      for (const result of results)
        expect(result.status === 'rejected' && (result.reason as Error).message).toBe(
          'test worker stopped (exit code 0)',
        );
    } finally {
      await pool.close();
    }
  });
});
