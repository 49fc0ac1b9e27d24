/** Thrown by every fake once the simulated process has "died". */
export class Crash extends Error {
  override readonly name = 'Crash';
}

/**
 * Simulates a kill or power loss: every side-effecting fake call passes named points (before and
 * after its effect); at point number `crashAt` the process dies, and from then on every call throws.
 */
export class CrashSwitch {
  readonly passed: string[] = [];
  dead = false;

  constructor(private readonly crashAt: number | null = null) {}

  point(name: string): void {
    if (this.dead) throw new Crash(`dead (at ${name})`);
    const index = this.passed.length;
    this.passed.push(name);
    if (index === this.crashAt) {
      this.dead = true;
      throw new Crash(`crashed at ${name}`);
    }
  }
}
