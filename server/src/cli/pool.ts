/**
 * Runs tasks on `jobs` threads: this one and jobs − 1 worker threads (the CLI
 * bundle itself, started with workerData.bulletinCheckWorker). Starting a worker
 * costs about as much CPU as analysing a few hundred KB (it loads the whole
 * bundle), so this thread does not sit idle while they start: it takes batches
 * from the same queue, one task at a time, handling the workers' messages in
 * between. A worker gets batches only once it says it is ready (loaded): until
 * then the queue stays this thread's, so a small run never waits for a worker
 * still starting. Tasks go out in batches (16–256 KB, about 8 per thread so the
 * load evens out; two in flight per worker so none waits). A worker that dies
 * hands its batches back to this thread. Results come back in task order
 * whatever order the threads finish in. Outcomes carry their rendered output
 * (json, text), so what travels back is mostly one string per file.
 */
import { Worker, type MessagePort } from 'node:worker_threads';
import { BATCH_SIZE } from '../core/analyzeBatch';
import { runTasks, type Outcome, type Task } from './pipeline';

const MAX_BATCH_BYTES = 256 * 1024;
const MIN_BATCH_BYTES = 16 * 1024;
const BATCH_TASKS = 64;
const IN_FLIGHT = 2;

interface Batch {
  id: number;
  tasks: Task[];
}


function batches(tasks: readonly Task[], sizes: readonly number[], jobs: number): Batch[] {
  const total = sizes.reduce((a, b) => a + b, 0);
  const target = Math.max(MIN_BATCH_BYTES, Math.min(MAX_BATCH_BYTES, Math.ceil(total / (jobs * 8))));
  const out: Batch[] = [];
  let cur: Task[] = [];
  let bytes = 0;
  tasks.forEach((t, i) => {
    cur.push(t);
    bytes += sizes[i] ?? 0;
    if (bytes >= target || cur.length >= BATCH_TASKS) {
      out.push({ id: out.length, tasks: cur });
      cur = [];
      bytes = 0;
    }
  });
  if (cur.length > 0) out.push({ id: out.length, tasks: cur });
  return out;
}

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

export async function runAll(
  tasks: readonly Task[],
  sizes: readonly number[],
  jobs: number,
  onDone: (o: Outcome) => void,
  script: string = __filename,
): Promise<Outcome[]> {
  if (jobs <= 1 || tasks.length <= 1) {
    const all: Outcome[] = [];
    for (let from = 0; from < tasks.length; from += BATCH_SIZE) {
      for (const o of runTasks(tasks.slice(from, from + BATCH_SIZE))) {
        onDone(o);
        all.push(o);
      }
    }
    return all;
  }
  const queue = batches(tasks, sizes, jobs);
  const done: Array<Outcome[] | undefined> = new Array(queue.length);
  const retry: Batch[] = [];
  let next = 0;
  let finished = 0;
  let wake: (() => void) | undefined;
  const notify = (): void => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const complete = (id: number, outcomes: Outcome[]): void => {
    if (done[id]) return;
    done[id] = outcomes;
    finished++;
    for (const o of outcomes) onDone(o);
    notify();
  };
  const take = (): Batch | undefined => retry.shift() ?? (next < queue.length ? queue[next++] : undefined);

  const workers: Worker[] = [];
  const count = Math.min(jobs - 1, queue.length - 1);
  for (let k = 0; k < count; k++) {
    const w = new Worker(script, { workerData: { bulletinCheckWorker: true } });
    const inFlight = new Map<number, Batch>();
    let alive = true;
    const send = (): void => {
      if (!alive || next >= queue.length) return; // retried batches stay on this thread
      const b = queue[next++] as Batch;
      inFlight.set(b.id, b);
      w.postMessage(b);
    };
    const die = (): void => {
      if (!alive) return;
      alive = false;
      for (const b of inFlight.values()) if (!done[b.id]) retry.push(b);
      inFlight.clear();
      notify();
    };
    w.on('message', (m: { ready: true } | Answer) => {
      if ('ready' in m) {
        for (let j = 0; j < IN_FLIGHT; j++) send();
        return;
      }
      inFlight.delete(m.id);
      complete(m.id, unpack(m));
      send();
    });
    w.on('error', die);
    w.on('exit', die);
    workers.push(w);
  }
  try {
    while (finished < queue.length) {
      const b = take();
      if (!b) {
        await new Promise<void>((r) => {
          wake = r;
        });
        continue;
      }
      const outcomes: Outcome[] = [];
      for (let from = 0; from < b.tasks.length; from += BATCH_SIZE) {
        outcomes.push(...runTasks(b.tasks.slice(from, from + BATCH_SIZE)));
        await tick(); // let the workers' messages in
      }
      complete(b.id, outcomes);
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return done.flatMap((x) => x ?? []);
}

/** A batch's outcomes, their rendered bytes (views of larger slabs) packed into one array. */
interface Answer {
  id: number;
  outcomes: Outcome[];
  lengths: number[];
  rendered: Uint8Array;
}

const NO_BYTES = new Uint8Array(0);

function pack(id: number, outcomes: Outcome[]): Answer {
  return {
    id,
    outcomes: outcomes.map((o) => ({ ...o, rendered: NO_BYTES })),
    lengths: outcomes.map((o) => o.rendered.length),
    rendered: Buffer.concat(outcomes.map((o) => o.rendered)),
  };
}

function unpack(a: Answer): Outcome[] {
  let at = 0;
  return a.outcomes.map((o, i) => {
    const n = a.lengths[i] ?? 0;
    const rendered = a.rendered.subarray(at, at + n);
    at += n;
    return { ...o, rendered };
  });
}

/** The worker side: says it is ready (loaded), then answers each batch with its outcomes. */
export function serveTasks(port: MessagePort): void {
  port.on('message', (b: Batch) => {
    port.postMessage(pack(b.id, runTasks(b.tasks)));
  });
  port.postMessage({ ready: true });
}
