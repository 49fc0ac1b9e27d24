import type { LiveConnection } from '../../../../src/main/token-lifecycle/ports';
import type { CrashSwitch } from './crash-switch';
import type { FakeHa } from './fake-ha';

/** The live connection: which token it authenticated with. */
export class FakeLiveConnection implements LiveConnection {
  failing = false;
  readonly switches: string[] = [];

  constructor(
    public token: string | null,
    private readonly ha: FakeHa,
    private readonly crash: () => CrashSwitch,
  ) {}

  async switchToken(token: string): Promise<void> {
    this.crash().point('live.switchToken');
    if (this.failing) throw new Error('fake connection: could not connect');
    if (!this.ha.works(token)) throw new Error('fake connection: auth_invalid');
    this.token = token;
    this.switches.push(token);
    this.crash().point('live.switchToken:done');
  }
}
