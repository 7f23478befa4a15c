/**
 * A recording Transport for unit tests: keeps every byte written while open, and can be "unplugged"
 * (writes fail as a real disconnected device's would) and plugged back.
 */
import { BaseTransport, TransportError } from '../../src/hardware/transport.ts';

export class FakeTransport extends BaseTransport {
  readonly kind = 'fake' as const;
  /** Every successful write, in order. */
  readonly writes: Uint8Array[] = [];
  private plugged = true;
  /** When set, the next write fails with this code (once). */
  failNext: TransportError['code'] | null = null;

  get bytes(): Uint8Array {
    const total = this.writes.reduce((n, w) => n + w.length, 0);
    const out = new Uint8Array(total);
    let at = 0;
    for (const w of this.writes) {
      out.set(w, at);
      at += w.length;
    }
    return out;
  }

  open(): Promise<void> {
    return this.serialised(async () => {
      if (!this.plugged) this.fail(new TransportError('disconnected', 'fake device unplugged'), 'disconnected');
      this.setStatus('open');
    });
  }

  write(bytes: Uint8Array): Promise<void> {
    return this.serialised(async () => {
      this.requireOpen();
      if (this.failNext) {
        const code = this.failNext;
        this.failNext = null;
        this.fail(new TransportError(code, `fake ${code}`), code);
      }
      this.writes.push(bytes.slice());
    });
  }

  close(): Promise<void> {
    return this.serialised(async () => {
      if (this.status !== 'disconnected') this.setStatus('closed');
    });
  }

  unplug(): void {
    this.plugged = false;
    this.setStatus('disconnected', new TransportError('disconnected', 'fake device unplugged'));
  }

  replug(): void {
    this.plugged = true;
    if (this.status === 'disconnected') this.setStatus('closed');
  }
}
