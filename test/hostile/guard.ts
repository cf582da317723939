/**
 * Reads a file in a child process (read-child.ts) under a time and memory limit, watching the child's memory
 * from outside (/proc/<pid>/status), so that a reader that hangs or inflates gigabytes fails one case instead of
 * the test run. Also how the figures measure the zip bomb: time to the verdict and peak memory of a fresh process.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export interface GuardLimits {
  /** Time for the read alone (after the child has loaded the reader). */
  ms: number;
  /** Peak memory above the child's own before the read. */
  mb: number;
}

export interface GuardResult {
  /** Finished within its limits: only then is the case also merged in the test's own process (twice). */
  ok: boolean;
  failure?: string;
  ms?: number;
  baseMb?: number;
  peakMb?: number;
  unreadable?: string;
  sheets?: { name: string; rows: number; cols: number }[];
}

/** Past these the child is killed (the case fails; the limits it should meet are the caller's). */
export const KILL_AFTER_MS = 30_000;
/** A child is given this many times its time limit (at least 5 s, at most KILL_AFTER_MS) before it is killed. */
const KILL_AFTER_LIMITS = 3;
export const KILL_ABOVE_MB = 3_000;

const REGISTER = path.join(__dirname, 'register-ts.js');
const CHILD = path.join(__dirname, 'read-child.ts');

function rssMb(pid: number): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Reads `file` in a fresh Node process; fails when it crashes, is killed, or breaks `limits`. */
export function guardedRead(file: string, limits: GuardLimits): Promise<GuardResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-r', REGISTER, CHILD, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let readyAt: number | undefined;
    let baseMb = 0;
    let watchedPeak = 0;
    let killed: string | undefined;
    const startedAt = Date.now();
    const killAfter = Math.min(KILL_AFTER_MS, Math.max(5_000, limits.ms * KILL_AFTER_LIMITS));
    const timer = setInterval(() => {
      const rss = child.pid === undefined ? undefined : rssMb(child.pid);
      if (rss !== undefined) watchedPeak = Math.max(watchedPeak, rss);
      const elapsed = readyAt === undefined ? 0 : Date.now() - readyAt;
      if (rss !== undefined && rss - baseMb > KILL_ABOVE_MB) killed = `was killed above ${KILL_ABOVE_MB} MB (${Math.round(rss)} MB)`;
      else if (elapsed > killAfter) killed = `was killed still reading after ${killAfter / 1000} s (limit ${limits.ms} ms)`;
      else if (Date.now() - startedAt > KILL_AFTER_MS * 3) killed = 'was killed: the reader did not start';
      if (killed) child.kill('SIGKILL');
    }, 20);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (readyAt === undefined && out.includes('"ready"')) {
        readyAt = Date.now();
        baseMb = (JSON.parse(out.split('\n')[0] as string) as { baseKb: number }).baseKb / 1024;
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.on('close', (code, signal) => {
      clearInterval(timer);
      const done = out
        .split('\n')
        .filter((l) => l.includes('"done"'))
        .map(
          (l) => JSON.parse(l) as { ms: number; baseKb: number; peakKb: number; unreadable?: string; sheets?: GuardResult['sheets'] },
        )[0];
      if (!done) {
        const why = killed ?? `crashed (exit ${code ?? signal}): ${err.trim().split('\n').slice(-3).join(' ').slice(0, 300)}`;
        resolve({ ok: false, failure: why, peakMb: watchedPeak, baseMb });
        return;
      }
      const result: GuardResult = {
        ok: true,
        ms: done.ms,
        baseMb: done.baseKb / 1024,
        peakMb: Math.max(done.peakKb / 1024, watchedPeak),
        unreadable: done.unreadable,
        sheets: done.sheets,
      };
      const above = (result.peakMb as number) - (result.baseMb as number);
      if (done.ms > limits.ms) Object.assign(result, { ok: false, failure: `took ${Math.round(done.ms)} ms (limit ${limits.ms} ms)` });
      else if (above > limits.mb)
        Object.assign(result, {
          ok: false,
          failure: `peaked ${Math.round(above)} MB above the process's own memory (limit ${limits.mb} MB)`,
        });
      resolve(result);
    });
  });
}

/** Guards several files, `parallel` at a time. */
export async function guardAll(jobs: { id: string; file: string; limits: GuardLimits }[], parallel = 2): Promise<Map<string, GuardResult>> {
  const results = new Map<string, GuardResult>();
  const queue = [...jobs];
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      for (let job = queue.shift(); job; job = queue.shift()) results.set(job.id, await guardedRead(job.file, job.limits));
    }),
  );
  return results;
}
