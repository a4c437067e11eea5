/**
 * The server and the commands as a person runs them: real child processes, so that a test can
 * kill -9 one of them. Every process started here is killed by `killAllChildren()` (call it in
 * afterAll/afterEach), and waits are on what a process says, with generous limits: the machine
 * running the tests may be busy.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { projectRoot } from '../../sync-server/src/platform/project-paths.js';

const started = new Set<ChildProcess>();

export type RunningChild = {
  process: ChildProcess;
  /** stdout and stderr so far, interleaved. */
  output(): string;
  /** Resolves when `pattern` appears in the output; rejects if the process ends first or after `timeoutMs`. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | string>;
};

/**
 * The environment of a child: this process's, without the test databases, with `env` on top.
 * Commands speak the terminal's language (LANG, LC_ALL), else their tenant's, and the tests'
 * expectations are English: a child speaks English unless the test gives it a locale, whatever
 * the machine running the tests is set to.
 */
export function childEnvironment(env: Record<string, string>): NodeJS.ProcessEnv {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'info', LANG: 'en_US.UTF-8', ...env };
  for (const name of ['LC_ALL', 'LC_MESSAGES'] as const) if (!env[name]) delete childEnv[name];
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  delete childEnv.TEST_DATABASE_URL;
  return childEnv;
}

/** `node --import tsx <script> ...args` from the repository root: what `npm start` and `npm run X` run. */
export function startChild(script: string, args: string[], env: Record<string, string>): RunningChild {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: projectRoot, env: childEnvironment(env), stdio: ['ignore', 'pipe', 'pipe'] });
  started.add(child);
  let text = '';
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    text += chunk.toString('utf8');
    for (const listener of listeners) listener();
  };
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);
  const exited = new Promise<number | string>((resolve) => {
    child.once('close', (code, signal) => {
      started.delete(child);
      resolve(code ?? signal ?? 'unknown');
      for (const listener of listeners) listener();
    });
  });

  return {
    process: child,
    output: () => text,
    exited,
    waitFor(pattern, timeoutMs = 120_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(text);
          if (match) return finish(() => resolve(match));
          if (child.exitCode !== null || child.signalCode !== null) {
            finish(() => reject(new Error(`the process ended (${child.exitCode ?? child.signalCode}) before printing ${pattern}:\n${text}`)));
          }
        };
        const timer = setTimeout(() => finish(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms:\n${text}`))), timeoutMs);
        const finish = (settle: () => void) => {
          clearTimeout(timer);
          listeners.delete(check);
          settle();
        };
        listeners.add(check);
        check();
      });
    },
  };
}

/** Runs a command to its end: its exit code and output. */
export async function runChild(script: string, args: string[], env: Record<string, string>): Promise<{ exitCode: number | string; output: string }> {
  const child = startChild(script, args, env);
  const exitCode = await child.exited;
  return { exitCode, output: child.output() };
}

/** The server on port 0; resolves once it listens, with its address. */
export async function startServerProcess(env: Record<string, string>): Promise<RunningChild & { url: string }> {
  const child = startChild('sync-server/src/main.ts', [], { PORT: '0', HOST: '127.0.0.1', ...env });
  const [, url] = await child.waitFor(/Booking Center is running at (http:\/\/\S+)/);
  return { ...child, url: url! };
}

/** kill -9, and wait until the process is really gone. */
export async function killHard(child: RunningChild): Promise<void> {
  if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGKILL');
  await child.exited;
}

export async function killAllChildren(): Promise<void> {
  await Promise.all(
    [...started].map(async (child) => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      if (started.has(child)) await once(child, 'close');
    }),
  );
}
