/**
 * Jobs spread over worker processes (worker-process.ts): the printing steps' pools — flyers,
 * newsletters, 防災メモ — are this one pool with their own job and reply types.
 *
 * Each worker is sent its next job while it still works on the one before (`depth` 2), and does
 * them one at a time (serveJobs). With one job at a time, a worker that finished waited for its
 * reply to cross the pipe, for the parent's event loop to get to it (writing the last job's files,
 * logging) and for the next job to cross back: measured on the 1,000-entry bench town's flyer
 * step, the print choices' PDFs (~30 ms of CPU each) took 33.9 s on two workers for 29.6 s of
 * their own time.
 */
import { connectToParent, ProcessWorker, type ProcessWorkerOptions } from './worker-process.ts';

/** What crosses the pipe: the job or its reply, under the pool's number for it. */
interface Envelope<T> {
  id: number;
  body: T;
}

export interface ProcessPool<Job, Reply> {
  /** Queues the job; settles with the worker's reply, or rejects if a worker crashed. */
  run(job: Job): Promise<Reply>;
  close(): Promise<void>;
}

export interface ProcessPoolOptions extends ProcessWorkerOptions {
  /** Jobs a worker holds at once, the one it works on included. */
  depth?: number;
}

export function createProcessPool<Job, Reply>(
  file: URL,
  size: number,
  { depth = 2, ...options }: ProcessPoolOptions = {},
): ProcessPool<Job, Reply> {
  type Waiting = { resolve: (reply: Reply) => void; reject: (error: Error) => void };
  const queue: (Waiting & Envelope<Job>)[] = [];
  const pending = new Map<number, Waiting>();
  /** Jobs each worker holds. */
  const held = new Map<ProcessWorker, number>();
  let nextId = 0;
  let failure: Error | undefined;

  const dispatch = () => {
    while (queue.length) {
      // The worker holding fewest jobs, so that two idle workers both get one before either a second.
      let worker: ProcessWorker | undefined;
      for (const [candidate, jobs] of held)
        if (jobs < depth && (!worker || jobs < (held.get(worker) as number))) worker = candidate;
      if (!worker) return;
      const { id, body, ...waiting } = queue.shift() as (typeof queue)[number];
      pending.set(id, waiting);
      held.set(worker, (held.get(worker) as number) + 1);
      worker.postMessage({ id, body } satisfies Envelope<Job>);
    }
  };
  const fail = (error: Error) => {
    // A crashed worker fails everything still waiting: neither the build nor a request may hang.
    failure = error;
    for (const waiting of [...pending.values(), ...queue.splice(0)]) waiting.reject(error);
    pending.clear();
  };

  const workers = Array.from({ length: Math.max(1, size) }, () => {
    const worker = new ProcessWorker(file, options);
    worker.on('message', ({ id, body }: Envelope<Reply>) => {
      held.set(worker, (held.get(worker) as number) - 1);
      const waiting = pending.get(id);
      pending.delete(id);
      dispatch();
      waiting?.resolve(body);
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      held.delete(worker);
      // Gone without an error (exit code 0, unasked): what it held, or what no worker is left to
      // take, would wait for ever.
      if (!failure && (pending.size || (queue.length && !held.size)))
        fail(new Error(`${options.name ?? 'worker'} stopped (exit code ${code})`));
    });
    held.set(worker, 0);
    return worker;
  });

  return {
    run: (job) =>
      new Promise<Reply>((resolve, reject) => {
        if (failure) return reject(failure);
        queue.push({ id: nextId++, body: job, resolve, reject });
        dispatch();
      }),
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/**
 * The worker's side of a pool: answers each job with `handle`'s reply, one job at a time and in
 * the order sent (a job's CPU time is its own, and two renders never hold their memory at once).
 * `handle` turns its own failures into replies; one it throws ends the worker, which fails the
 * parent's waiting jobs (worker-process.ts).
 */
export async function serveJobs<Data, Job, Reply>(handle: (job: Job, data: Data) => Promise<Reply>): Promise<void> {
  const port = await connectToParent<Data>();
  let previous = Promise.resolve();
  port.on('message', ({ id, body }: Envelope<Job>) => {
    previous = previous
      .then(() => handle(body, port.data))
      .then((reply) => {
        void port.postMessage({ id, body: reply } satisfies Envelope<Reply>);
      });
  });
}
