import { createHash } from 'node:crypto';
import {
  instanceDisplayName,
  type AppStatus,
  type ConnectionCandidate,
} from '../../shared/app-status';
import { Emitter } from '../../shared/emitter';
import type { InstanceUrl } from '../../shared/instance-url';
import { normaliseInstanceUrl } from '../../shared/instance-url';
import { isPinnableCertificateFailure, type ProbeResult } from '../../shared/probe';
import type { InstanceEntry, Settings } from '../../shared/settings';
import { normaliseTokenInput } from '../../shared/token-input';
import { UserFacingError } from '../../shared/user-facing-error';
import { runDetached } from '../detached';
import type { ConnectionSupervisor } from '../ha/connection-supervisor';
import type { Logger } from '../log/logger';
import type { PresentedCertificate } from '../tls/presented-certificate';
import type { TokenVault } from '../vault/token-vault';
import type { Dialogs } from '../windows/dialogs';
import type { ResolveHost } from './address-class';
import { plainHttpRefusal } from './plain-http';
import { savedTokenMayGoTo } from './token-scope';

/** One instance's settings as its setup reads and writes them (src/main/instances/instance-settings.ts). */
export interface SetupSettings {
  entry(): InstanceEntry;
  /** This instance's entry changed (a new name, address or remembered location name). */
  onChange(listener: (entry: InstanceEntry) => void): () => void;
  app(): Settings;
  notice(): string | null;
  setOrigin(origin: string | null): void;
  rememberLocationName(name: string): void;
  allowWeakStorage(): void;
  allowPlainHttp(origin: string): void;
  pinCertificate(pin: Settings['trust']['certificates'][number]): void;
}

/** Another instance, as this one compares itself with it. */
export interface OtherInstance {
  origin: string | null;
  uuid?: string;
  name: string;
  locationName: string | null;
  /** Its Home Assistant version while it is connected. */
  haVersion: string | null;
}

export interface InstanceSetupDeps {
  supervisor: ConnectionSupervisor;
  vault: TokenVault;
  /** This instance's settings. */
  settings: SetupSettings;
  /**
   * The other instances' addresses and names: an address another instance already uses is refused,
   * so one Home Assistant is not followed twice.
   */
  otherInstances?: () => OtherInstance[];
  /** The network id Home Assistant announces at an origin, when discovery heard it; else null. */
  uuidAt?: (origin: string) => string | null;
  logger: Logger;
  probe: (instance: InstanceUrl, token: string) => Promise<ProbeResult>;
  /** A native dialog opened by main. */
  confirm: Dialogs['confirm'];
  /** Name resolution for the plain-http check; injected so tests never touch DNS. */
  resolveHost: ResolveHost;
  /** The certificate an https:// server presents, read without sending it anything. */
  presentedCertificate: (origin: string) => Promise<PresentedCertificate>;
  /** Why this start does not connect (the crash-loop guard), until the user saves a connection. */
  heldBack?: string | null;
}

/**
 * The Connection page's operations and the app's status: testing a candidate (URL, port,
 * token) without saving it, saving it only after that exact candidate passed a test, and
 * connecting whenever a URL and a readable token are both there.
 */
export class InstanceSetup {
  private readonly changes = new Emitter<AppStatus>();
  /** Fingerprint of the last candidate that passed a test: "Save" is refused for anything else. */
  private lastPassed: {
    fingerprint: string;
    origin: string;
    token: string;
    locationName: string;
  } | null = null;
  private locationName: string | null = null;
  /** The origin whose last test failed on its certificate: the only one that may be pinned. */
  private certificateProblem: string | null = null;
  private heldBack: string | null;
  private savingPair = false;

  constructor(private readonly deps: InstanceSetupDeps) {
    this.heldBack = deps.heldBack ?? null;
    deps.supervisor.onStatus((status) => {
      if (status.state === 'connected')
        runDetached(this.refreshLocationName(), deps.logger, 'Reading the location name');
      this.emit();
    });
    // Its name is part of the status: a rename shows wherever the instance is named.
    deps.settings.onChange(() => this.emit());
    deps.vault.onChange(() => {
      // While a new token and its address are saved together, the token must not go to the old one.
      if (!this.savingPair) this.connectIfReady();
      this.emit();
    });
  }

  /**
   * Connects when both a saved URL and a readable token exist. Never with an empty token.
   * `restart`: the user saved tested credentials, so a connection that gave up tries them again.
   */
  connectIfReady({ restart = false } = {}): void {
    if (this.heldBack && !restart) return;
    if (this.heldBack) {
      this.heldBack = null;
      this.emit();
    }
    const origin = this.deps.settings.entry().origin;
    const token = this.deps.vault.token();
    const { supervisor } = this.deps;
    if (!origin || !token) {
      if (supervisor.getStatus().state !== 'not_configured') supervisor.setCredentials(null);
      return;
    }
    const instance = normaliseInstanceUrl(origin);
    if (!instance.ok) {
      this.deps.logger.warn('The saved Home Assistant address is not valid any more');
      return;
    }
    supervisor.setCredentials({ instance: instance.value, token }, { restart });
  }

  status(): AppStatus {
    const entry = this.deps.settings.entry();
    const { origin } = entry;
    const locationName = this.locationName ?? entry.locationName;
    return {
      key: entry.key,
      name: instanceDisplayName({ ...entry, locationName }),
      connection: this.deps.supervisor.getStatus(),
      instance: origin ? { origin, locationName: this.locationName } : null,
      token: this.deps.vault.metadata(),
      settingsNotice: this.deps.settings.notice(),
      startNotice: this.heldBack,
      lookalike: this.lookalike(),
    };
  }

  /** Both an address and a readable token are saved: there is something to connect to. */
  isSetUp(): boolean {
    return this.deps.settings.entry().origin !== null && this.deps.vault.token() !== null;
  }

  /** The token of the last passed test, kept until "Save": the logger redacts it too. */
  heldToken(): string | null {
    return this.lastPassed?.token ?? null;
  }

  onStatus(listener: (status: AppStatus) => void): () => void {
    return this.changes.on(listener);
  }

  /** "Test connection": nothing is saved. */
  async test(candidate: ConnectionCandidate): Promise<ProbeResult> {
    const resolved = this.resolve(candidate);
    if ('failure' in resolved) return resolved.failure;
    const { trust } = this.deps.settings.app();
    const refusal = await plainHttpRefusal(
      resolved.instance,
      trust.plainHttp,
      this.deps.resolveHost,
    );
    if (refusal) return refusal;
    const result = await this.deps.probe(resolved.instance, resolved.token);
    this.certificateProblem =
      !result.ok && isPinnableCertificateFailure(result.reason) ? resolved.instance.origin : null;
    if (result.ok) {
      this.lastPassed = {
        fingerprint: this.fingerprint(resolved.instance.origin, resolved.token),
        origin: resolved.instance.origin,
        token: resolved.token,
        locationName: result.locationName,
      };
    }
    return result;
  }

  /** "Save": only the candidate that just passed a test; then connects with it. */
  async save(candidate: ConnectionCandidate): Promise<AppStatus> {
    const resolved = this.resolve(candidate);
    if ('failure' in resolved)
      throw new UserFacingError(resolved.failure.message, resolved.failure.reason);
    const passed = this.lastPassed;
    if (
      !passed ||
      passed.fingerprint !== this.fingerprint(resolved.instance.origin, resolved.token)
    ) {
      throw new UserFacingError(
        'Test the connection first; HA Tray saves only a connection that works.',
        'not_tested',
      );
    }
    this.refuseTakenAddress(passed.origin);
    await this.savePair(passed.origin, passed.token, null);
    this.locationName = passed.locationName;
    this.lastPassed = null;
    this.connectIfReady({ restart: true });
    this.emit();
    return this.status();
  }

  /**
   * A browser sign-in made `token` (src/main/sign-in/): it was checked on `origin` already, so it
   * is saved as the token HA Tray connects with there, under the name Home Assistant lists it by.
   */
  async adopt(origin: string, token: string, name: string): Promise<void> {
    this.refuseTakenAddress(origin);
    await this.savePair(origin, token, name);
    this.locationName = null;
    this.lastPassed = null;
    this.connectIfReady({ restart: true });
    this.emit();
  }

  /**
   * Weak storage (Linux basic_text, no keyring) is allowed only when the user confirms it in a
   * native dialog that main opens: a page asking is not enough, since a compromised page could.
   */
  async allowWeakStorage(): Promise<AppStatus> {
    const agreed = await this.deps.confirm(
      'Store the Home Assistant token without a keyring?',
      'This computer has no keyring to protect the token. Anyone who can read your files could ' +
        'then use it to control your home. Only do this if you cannot install or unlock a keyring.',
      'Store it without a keyring',
    );
    if (!agreed) return this.status();
    this.deps.settings.allowWeakStorage();
    await this.deps.vault.open();
    this.emit();
    return this.status();
  }

  /**
   * "Send my token unencrypted to this address": asked again in a native dialog main opens, so a
   * page alone cannot agree. True when the address may now get the token over http.
   */
  async allowPlainHttp(address: { url: string }): Promise<boolean> {
    const instance = normaliseInstanceUrl(address.url);
    if (!instance.ok) throw new UserFacingError(instance.error, 'invalid_url');
    const { origin } = instance.value;
    const { trust } = this.deps.settings.app();
    if (!(await plainHttpRefusal(instance.value, trust.plainHttp, this.deps.resolveHost)))
      return true;
    const agreed = await this.deps.confirm(
      `Send your Home Assistant token unencrypted to ${origin}?`,
      `${new URL(origin).host} is not on your local network. Over http:// anyone between this ` +
        'computer and Home Assistant can read the token and control your home with it. Prefer ' +
        'the https:// address if there is one.',
      'Send it unencrypted',
    );
    if (agreed) this.deps.settings.allowPlainHttp(origin);
    return agreed;
  }

  /**
   * "Trust this certificate": main reads the certificate the server presents and shows its
   * SHA-256 fingerprint in a native dialog for the user to compare with the one on their server;
   * only a yes pins it, for this origin alone. True when it is now trusted.
   */
  async trustCertificate(address: { url: string }): Promise<boolean> {
    const instance = normaliseInstanceUrl(address.url);
    if (!instance.ok) throw new UserFacingError(instance.error, 'invalid_url');
    const { origin } = instance.value;
    const { host } = new URL(origin);
    // Main contacts only an address the user just tested: a page cannot send it anywhere else.
    if (origin !== this.certificateProblem)
      throw new UserFacingError(
        'Test the connection first: a certificate can be trusted only after a test found a problem with it.',
        'not_tested',
      );
    let certificate: PresentedCertificate;
    try {
      certificate = await this.deps.presentedCertificate(origin);
    } catch (error) {
      const code = (error as { code?: string }).code;
      throw new UserFacingError(
        `Could not read the certificate of ${host}${code ? ` (${code})` : ''}. Check the address and try again.`,
        'certificate_unreadable',
      );
    }
    const previous = this.deps.settings.app().trust.certificates.find((c) => c.origin === origin);
    if (previous?.sha256 === certificate.sha256) return true;
    const agreed = await this.deps.confirm(
      `Trust the certificate of ${host}?`,
      [
        previous ? 'This is NOT the certificate you trusted before for this address.\n' : '',
        'Compare this SHA-256 fingerprint with the one of the certificate on your Home Assistant ' +
          '(or its proxy). Trust it only if they are exactly the same:',
        '',
        certificate.sha256,
        '',
        `Issued to: ${certificate.subject}`,
        `Issued by: ${certificate.issuer}`,
        `Valid until: ${certificate.validTo}`,
      ].join('\n'),
      'They are the same: trust it',
    );
    if (agreed)
      this.deps.settings.pinCertificate({
        origin,
        sha256: certificate.sha256,
        pem: certificate.pem,
      });
    return agreed;
  }

  /** One Home Assistant is followed once: an address another instance uses is refused. */
  refuseTakenAddress(origin: string): void {
    const others = this.deps.otherInstances?.() ?? [];
    const other = others.find((entry) => entry.origin === origin);
    if (other)
      throw new UserFacingError(
        `${other.name} already uses ${origin}. HA Tray follows each Home Assistant once.`,
        'instance_taken',
      );
    // Another address of a known Home Assistant (its LAN and its Nabu Casa address, say).
    const uuid = this.deps.uuidAt?.(origin) ?? null;
    const same = uuid === null ? undefined : others.find((entry) => entry.uuid === uuid);
    if (same)
      throw new UserFacingError(
        `${origin} is ${same.name} at another address. HA Tray follows each Home Assistant once.`,
        'instance_taken',
      );
  }

  /**
   * Where the network id is not known, a warning: another instance has the same location name and
   * version, so this may be the same Home Assistant under another address.
   */
  private lookalike(): string | null {
    const connection = this.deps.supervisor.getStatus();
    if (connection.state !== 'connected' || this.locationName === null) return null;
    const twin = this.deps
      .otherInstances?.()
      .find(
        (other) =>
          other.locationName === this.locationName && other.haVersion === connection.haVersion,
      );
    return twin
      ? `This may be the same Home Assistant as ${twin.name}: both are called ` +
          `"${this.locationName}" and run ${connection.haVersion}. Remove one of them if so.`
      : null;
  }

  /** A token and the address it belongs to, saved as one change: connected with only once both are. */
  private async savePair(origin: string, token: string, name: string | null): Promise<void> {
    this.savingPair = true;
    try {
      if (token !== this.deps.vault.token()) await this.deps.vault.save(token, name);
      this.deps.settings.setOrigin(origin);
    } finally {
      this.savingPair = false;
    }
  }

  private async refreshLocationName(): Promise<void> {
    try {
      const config = await this.deps.supervisor.send<{ location_name?: unknown }>({
        type: 'get_config',
      });
      if (typeof config.location_name !== 'string') return;
      // Remembered even when this run knew it (from the test before "Save"): the settings keep it
      // for the pages that name instances, and for while it is down.
      this.deps.settings.rememberLocationName(config.location_name);
      if (config.location_name !== this.locationName) {
        this.locationName = config.location_name;
        this.emit();
      }
    } catch (error) {
      this.deps.logger.debug('Could not read the location name', error);
    }
  }

  private resolve(
    candidate: ConnectionCandidate,
  ): { instance: InstanceUrl; token: string } | { failure: ProbeResult & { ok: false } } {
    const instance = normaliseInstanceUrl(candidate.url);
    if (!instance.ok)
      return { failure: { ok: false, reason: 'invalid_url', message: instance.error } };
    if (candidate.token === undefined || candidate.token.trim() === '') {
      const saved = this.deps.vault.token();
      if (!saved)
        return {
          failure: {
            ok: false,
            reason: 'invalid_token',
            message: 'Paste a long-lived access token from your Home Assistant profile.',
          },
        };
      const savedOrigin = this.deps.settings.entry().origin;
      if (!savedTokenMayGoTo(savedOrigin, instance.value.origin))
        return {
          failure: {
            ok: false,
            reason: 'token_scope',
            message: savedOrigin
              ? `The saved token is only sent to ${savedOrigin}. To use ${instance.value.origin}, paste a token made on that Home Assistant.`
              : 'Paste a long-lived access token from your Home Assistant profile.',
          },
        };
      return { instance: instance.value, token: saved };
    }
    const token = normaliseTokenInput(candidate.token);
    if (!token.ok) return { failure: { ok: false, reason: 'invalid_token', message: token.error } };
    return { instance: instance.value, token: token.token };
  }

  /** Candidates are compared by a hash, so the last tested token is not kept around as a key. */
  private fingerprint(origin: string, token: string): string {
    return createHash('sha256').update(`${origin}\n${token}`).digest('hex');
  }

  private emit(): void {
    const status = this.status();
    this.changes.emit(status);
  }
}
