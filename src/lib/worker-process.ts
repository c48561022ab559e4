/**
 * A worker in a child process, with the small part of `worker_threads`' API the build uses
 * (postMessage, 'message' / 'error' / 'exit', terminate, unref), for the flyers, newsletters,
 * 防災メモ and the search index.
 *
 * Why not worker threads: they share one V8 with the build's main thread, and V8's record of
 * where compiled code lives (its JIT pages) is one per process. Satori's layout engine and
 * HarfBuzz (flyers), zopfli (search) and Astro's compiler and hashing (main thread) are
 * WebAssembly; compiling and freeing it on several threads at once can leave that record wrong,
 * and V8 then aborts the whole build ("Check failed: jit_page.has_value()"; a CI run of
 * 1 December 2026 lost every e2e test that way; nodejs/node#64500 and others report the same
 * crash from WebAssembly on worker threads). A process has a V8 of its own. It costs ~50 ms to
 * start beside the ~1 s each worker already spends loading its fonts, and data crosses a pipe
 * (V8's serializer, as between threads) rather than memory.
 *
 * The worker's module calls `connectToParent()` (below) instead of reading `parentPort`.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The first message to a worker carries its data (workerData), under this key. */
const DATA = 'tsunagari:workerData';
/** What a worker sends of an exception it did not catch, before it exits. */
const CRASH = 'tsunagari:crash';

type Envelope = { [DATA]: unknown } | { [CRASH]: { message: string; stack: string } };
const isEnvelope = (m: unknown, key: string): m is Record<string, unknown> =>
  typeof m === 'object' && m !== null && key in m;

/**
 * A worker's module, from the project root (`projectModule(root, 'src/flyers/worker.ts')`): the
 * code that starts a worker runs from Astro's bundle as well as from src/, so its own
 * `import.meta.url` does not say where the worker's source is.
 */
export function projectModule(root: string, path: string): URL {
  return new URL(path, pathToFileURL(join(root, '/')));
}

export interface ProcessWorkerOptions {
  /** Given to the worker by `connectToParent()` before any message. */
  workerData?: unknown;
  /** Node and V8 flags of the worker's process (e.g. `--max-semi-space-size=64`); none inherited. */
  execArgv?: string[];
  /** Named in the error when the worker stops unasked ('flyer worker'). */
  name?: string;
  /** Environment variables added to the parent's for the worker's process; `undefined` removes one. */
  env?: Record<string, string | undefined>;
}

/**
 * Emits 'message' (a reply), 'error' (an exception the worker did not catch, or its process
 * ending unasked: the pools fail what is waiting rather than hang) and 'exit' (code).
 */
export class ProcessWorker extends EventEmitter {
  readonly #child: ChildProcess;
  #terminated = false;
  readonly #exited: Promise<number>;

  constructor(file: URL, { workerData, execArgv = [], name = 'worker', env }: ProcessWorkerOptions = {}) {
    super();
    this.#child = fork(fileURLToPath(file), [], {
      // V8's serializer, as between threads: Uint8Arrays, Dates and Maps arrive as they left.
      serialization: 'advanced',
      // Not the parent's flags (a test runner's loader, an inspector port): the worker is plain Node.
      execArgv,
      ...(env ? { env: { ...process.env, ...env } } : {}),
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let crash: Error | undefined;
    this.#child.on('message', (message: unknown) => {
      if (isEnvelope(message, CRASH)) {
        const { message: text, stack } = message[CRASH] as { message: string; stack: string };
        crash = Object.assign(new Error(text), { stack });
      } else this.emit('message', message);
    });
    this.#exited = new Promise((resolve) => {
      // 'close', not 'exit': the process can be seen to end before its last messages are read.
      this.#child.once('close', (code, signal) => {
        const status = code ?? 1;
        if (!this.#terminated && (status !== 0 || crash) && this.listenerCount('error'))
          this.emit(
            'error',
            crash ?? new Error(`${name} stopped (${signal ? `signal ${signal}` : `exit code ${status}`})`),
          );
        this.emit('exit', status);
        resolve(status);
      });
    });
    this.#child.on('error', (error) => {
      // Could not start, or the channel failed: as an uncaught exception in a thread.
      if (this.listenerCount('error')) this.emit('error', error);
    });
    this.#child.send({ [DATA]: workerData } satisfies Envelope);
  }

  postMessage(message: unknown): void {
    this.#child.send(message as object);
  }

  /** Stops the worker; resolves when its process has gone. */
  terminate(): Promise<number> {
    this.#terminated = true;
    if (this.#child.exitCode === null && this.#child.signalCode === null) this.#child.kill();
    return this.#exited;
  }

  /**
   * Lets the parent exit while the worker is still at work (it then stops: see connectToParent).
   * Whoever then awaits its reply must `ref()` it again: a worker process, unlike a thread, shares
   * nothing else that keeps the parent's event loop alive, so the parent would end mid-await.
   */
  unref(): void {
    this.#child.unref();
    this.#child.channel?.unref();
  }

  /** Keeps the parent alive until the worker ends (undoes unref). */
  ref(): void {
    this.#child.ref();
    this.#child.channel?.ref();
  }
}

export interface ParentPort<Data> {
  /** The `workerData` the parent gave. */
  data: Data;
  /**
   * The same data, which the port then forgets (`data` is undefined after): a worker that needs
   * its data only for a first part of its job (the search index's entries) lets it be collected
   * after that part.
   */
  takeData(): Data;
  on(event: 'message', listener: (message: never) => void): void;
  /** Settles when the message has left for the parent. */
  postMessage(message: unknown): Promise<void>;
  /** A worker with one job (the search index) ends when it has sent its reply. */
  close(): void;
}

/**
 * The worker's side: waits for its data, then delivers the parent's messages (none lost while
 * the module was still setting up). The worker ends when its parent does, or lets it go.
 */
export function connectToParent<Data>(): Promise<ParentPort<Data>> {
  const send = process.send?.bind(process);
  if (!send) throw new Error('this module runs as a worker process (src/lib/worker-process.ts)');
  const early: unknown[] = [];
  let listener: ((message: never) => void) | undefined;
  process.on('disconnect', () => process.exit(0));
  process.on('uncaughtException', (error) => {
    const crash = { message: error.message, stack: error.stack ?? error.message };
    // Printed here too, where a person reading the build's output looks; then told to the parent.
    console.error(error);
    send({ [CRASH]: crash } satisfies Envelope, undefined, {}, () => process.exit(1));
  });
  return new Promise((resolve) => {
    process.on('message', (message: unknown) => {
      if (isEnvelope(message, DATA)) {
        const port: ParentPort<Data> = {
          data: message[DATA] as Data,
          takeData: () => {
            const data = port.data;
            port.data = undefined as Data;
            return data;
          },
          on: (_event, next) => {
            listener = next;
            for (const m of early.splice(0)) next(m as never);
          },
          postMessage: (reply) =>
            new Promise<void>((sent, failed) =>
              send(reply as object, undefined, {}, (error) => (error ? failed(error) : sent())),
            ),
          close: () => process.disconnect?.(),
        };
        resolve(port);
      } else if (listener) listener(message as never);
      else early.push(message);
    });
  });
}
