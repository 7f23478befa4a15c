/**
 * Keeps one register connected to its server: probe health, check the credentials, reconcile the
 * outbox, then run live replication; fall back to 'offline' (and try again with backoff) whenever the
 * network or the server is gone. PouchDB's own retry covers blips while the server stays healthy;
 * once the probe says the server is gone, replication is cancelled and this loop takes over, so there
 * is only ever one retry loop. 401/403 stop everything: retrying a refused token is pointless.
 */
import type { Pairing } from '../../src/store/sync-port.ts';
import type { ReadModelDb } from '../../src/store/schema.ts';
import { backOff, probeHealth } from './health.ts';
import { markAcknowledged, markRejected, reconcilePending } from './outbox.ts';
import { isQuotaError, StorageFullError, type Replica } from './replica-ops.ts';
import { openRemote, startReplication, type Remote, type Replication } from './replication.ts';
import { describeError, isAuthError } from './server-answers.ts';
import type { StatusWriter } from './status.ts';

/** How often a live connection checks that its server still answers. */
const HEARTBEAT_MS = 5_000;

const REFUSED_MESSAGE = 'The server refused this register’s credentials: pair the register again.';

export class Connection {
  private remote: Remote;
  private replication: Replication | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private backoffMs = 0;
  private stopped = false;
  private attempt = 0;
  private probing = false;
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private readonly onOnline = (): void => void this.connect();
  private readonly onOffline = (): void => this.goOffline('No network connection.', false);

  constructor(
    private readonly pairing: Pairing,
    private readonly replica: Replica,
    private readonly db: ReadModelDb,
    private readonly status: StatusWriter,
    /** Called once outbox rows have been marked acknowledged (the conflict merger waits for some). */
    private readonly acknowledged: () => void = () => {},
  ) {
    this.remote = openRemote(pairing);
    globalThis.addEventListener?.('online', this.onOnline);
    globalThis.addEventListener?.('offline', this.onOffline);
  }

  /** The page saw the network go or come back (see SyncPort.networkChanged). */
  networkChanged(online: boolean): void {
    if (online) void this.connect();
    else this.goOffline('No network connection.', false);
  }

  stop(): void {
    this.stopped = true;
    this.stopHeartbeat();
    this.clearRetry();
    this.replication?.cancel();
    this.replication = null;
    globalThis.removeEventListener?.('online', this.onOnline);
    globalThis.removeEventListener?.('offline', this.onOffline);
    void this.remote.close().catch(() => undefined);
  }

  /** One connection attempt; later attempts are scheduled by the failure paths. */
  async connect(): Promise<void> {
    if (this.stopped) return;
    const attempt = ++this.attempt;
    const current = (): boolean => !this.stopped && attempt === this.attempt;
    this.clearRetry();
    this.replication?.cancel();
    this.replication = null;
    if (globalThis.navigator?.onLine === false) return this.goOffline('No network connection.', false);

    await this.status.set('connecting');
    const health = await probeHealth(this.pairing.serverUrl);
    if (!current()) return;
    if (health !== 'healthy') {
      return this.goOffline(health === 'unhealthy' ? 'The server is not healthy.' : 'The server cannot be reached.', true);
    }
    try {
      await this.remote.info();
      // Pushed just before a reload: the server may already have what the outbox still calls pending.
      if ((await reconcilePending(this.db, (diff) => this.remote.revsDiff(diff))) > 0) this.acknowledged();
    } catch (error) {
      if (current()) await this.trouble(error);
      return;
    }
    if (!current()) return;
    this.backoffMs = 0;
    this.replication = this.startLive();
    this.startHeartbeat();
    await this.status.refresh();
  }

  /**
   * An idle live pull sits in a long poll that a dead network may never fail (no RST, no event): while
   * replication is live, a periodic health probe notices the server has gone and says offline.
   */
  private startHeartbeat(): void {
    this.stopHeartbeat();
    this.heartbeat = setInterval(() => {
      if (this.replication === null || this.probing) return;
      this.probing = true;
      void probeHealth(this.pairing.serverUrl)
        .then((health) => {
          if (this.stopped || this.replication === null || health === 'healthy') return;
          this.goOffline(health === 'unhealthy' ? 'The server is not healthy.' : 'The server cannot be reached.', true);
        })
        .finally(() => (this.probing = false));
    }, HEARTBEAT_MS);
  }

  private stopHeartbeat(): void {
    if (this.heartbeat !== null) clearInterval(this.heartbeat);
    this.heartbeat = null;
  }

  private startLive(): Replication {
    return startReplication(this.replica, this.remote, {
      active: () => void this.status.set('syncing'),
      paused: (error) => {
        if (error === undefined) void this.status.set('online').then(() => this.status.synced());
        else void this.trouble(error);
      },
      failed: (error) => {
        // 'error' ends the replication for good: forget it so that trouble() schedules a new attempt.
        this.replication = null;
        void this.trouble(error);
      },
      pushed: (docs) =>
        void markAcknowledged(this.db, docs)
          .then((n) => {
            if (n > 0) this.acknowledged();
            return this.status.synced();
          })
          .catch((e: unknown) => console.error('[sync] outbox update failed', e)),
      pulled: () => void this.status.synced(),
      refused: (refusals) =>
        void markRejected(this.db, refusals)
          .then(() => this.status.refresh())
          .catch((e: unknown) => console.error('[sync] outbox update failed', e)),
    });
  }

  /** Classifies a failure: refused credentials and a full disk need a person; anything else is offline. */
  private async trouble(error: unknown): Promise<void> {
    if (this.stopped) return;
    if (isAuthError(error)) return this.halt(`${REFUSED_MESSAGE} (${describeError(error)})`);
    if (isQuotaError(error)) return this.halt(new StorageFullError(error).message);
    // One failure is often reported twice (requestError, then paused): one probe answers both.
    if (this.probing) return;
    this.probing = true;
    const health = await probeHealth(this.pairing.serverUrl).finally(() => (this.probing = false));
    if (this.stopped) return;
    if (health !== 'healthy') {
      return this.goOffline(health === 'unhealthy' ? 'The server is not healthy.' : 'The server cannot be reached.', true);
    }
    if (this.replication === null) {
      // Healthy server but the attempt failed (e.g. 404 database): say why and try again later.
      await this.status.set('offline', describeError(error));
      this.scheduleRetry();
    } else {
      // Server healthy: PouchDB's own retry (with our backoff) carries on.
      await this.status.set('connecting', describeError(error));
    }
  }

  private halt(message: string): void {
    this.stopHeartbeat();
    this.clearRetry();
    this.replication?.cancel();
    this.replication = null;
    void this.status.set('error', message);
  }

  private goOffline(message: string, retry: boolean): void {
    this.stopHeartbeat();
    this.replication?.cancel();
    this.replication = null;
    void this.status.set('offline', message);
    // Without network, the 'online' event is the signal to try again; no timer needed.
    if (retry) this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.stopped) return;
    this.clearRetry();
    this.backoffMs = backOff(this.backoffMs);
    this.retryTimer = setTimeout(() => void this.connect(), this.backoffMs);
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }
}
