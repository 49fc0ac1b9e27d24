import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';

export interface LoadCommand {
  ids: string[];
  perSecond: number;
  durationMs: number;
  stamp?: boolean;
  quietFavourite?: { id: string; everyMs: number };
}

/** The simulator in a child process (sim-child.ts), driven over stdin. */
export class SimProcess {
  private readonly lines: AsyncIterator<string>;

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    readonly token: string,
    readonly ids: string[],
    lines: AsyncIterator<string>,
  ) {
    this.lines = lines;
  }

  static async start(entities: number): Promise<SimProcess> {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'sim-child.ts'), String(entities)],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
    const first = await lines.next();
    if (first.done) throw new Error('the simulator process ended before it was ready');
    const ready = JSON.parse(first.value) as { url: string; token: string; ids: string[] };
    return new SimProcess(child, ready.url, ready.token, ready.ids, lines);
  }

  /** Runs a load at the simulator and resolves when it is over. */
  async load(command: LoadCommand): Promise<void> {
    this.child.stdin!.write(`${JSON.stringify(command)}\n`);
    await this.lines.next();
  }

  /** A restart (every socket closed, back at once) or a malformed frame to every client. */
  async fault(fault: 'restart' | 'malformed'): Promise<void> {
    this.child.stdin!.write(`${JSON.stringify({ fault })}\n`);
    await this.lines.next();
  }

  async close(): Promise<void> {
    const ended = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.stdin!.end();
    await ended;
  }
}
