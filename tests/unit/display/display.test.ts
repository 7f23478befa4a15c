import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { createDisplayPublisher, subscribeDisplay, type ChannelFactory, type ChannelLike, type DisplayMessage } from '../../../src/hardware/customer-display-channel.ts';
import { INITIAL_DISPLAY, nextDisplayState, type DisplayState } from '../../../src/hardware/customer-display-state.ts';
import { createPoleDisplay, encodePole, poleLines, transliterate } from '../../../src/hardware/pole-display.ts';
import { BaseTransport } from '../../../src/hardware/transport.ts';
import { money } from '../../../src/domain/money.ts';

/** An in-memory BroadcastChannel: every channel of a name hears the others, never itself. */
function memoryChannels(): ChannelFactory {
  const all = new Set<{ name: string; listeners: Set<(e: MessageEvent<DisplayMessage>) => void> }>();
  return (name) => {
    const me = { name, listeners: new Set<(e: MessageEvent<DisplayMessage>) => void>() };
    all.add(me);
    const channel: ChannelLike = {
      postMessage(message) {
        for (const other of all) if (other !== me && other.name === name) for (const l of other.listeners) l({ data: structuredClone(message) } as MessageEvent<DisplayMessage>);
      },
      addEventListener: (_t, l) => me.listeners.add(l),
      removeEventListener: (_t, l) => me.listeners.delete(l),
      close: () => all.delete(me),
    };
    return channel;
  };
}

const cartEvent = (lines: Array<[string, number, number]>) => ({
  kind: 'cart' as const,
  lines: lines.map(([name, quantity, total]) => ({ name, quantity, total: money(total) })),
  total: money(lines.reduce((n, l) => n + l[2], 0)),
  currency: 'EUR',
});
const sale = { totals: { net: money(0), vat: money(0), gross: money(1730), tendered: money(2000), change: money(270) }, currency: 'EUR', receiptLabel: 'R-1-000042' };

describe('customer display state', () => {
  it('goes idle → cart → paid, and keeps the thank-you after the cart is emptied until the next item', () => {
    let s: DisplayState = INITIAL_DISPLAY;
    s = nextDisplayState(s, cartEvent([['Café', 2, 1300]]));
    expect(s).toMatchObject({ phase: 'cart', itemCount: 2, total: 1300 });
    s = nextDisplayState(s, { kind: 'sale', sale });
    expect(s).toMatchObject({ phase: 'paid', change: 270, tendered: 2000 });
    s = nextDisplayState(s, cartEvent([]));
    expect(s.phase).toBe('paid');
    s = nextDisplayState(s, cartEvent([['Thé', 1, 500]]));
    expect(s.phase).toBe('cart');
    expect(nextDisplayState(s, cartEvent([])).phase).toBe('idle');
  });
});

describe('customer display channel', () => {
  it('broadcasts states, and answers a display opened late with the current state', () => {
    const factory = memoryChannels();
    const register = createDisplayPublisher(factory);
    const early: DisplayState[] = [];
    subscribeDisplay((s) => early.push(s), factory);
    register.dispatch(cartEvent([['Café', 1, 650]]));
    register.dispatch(cartEvent([['Café', 1, 650]])); // same snapshot again: not re-sent
    register.dispatch(cartEvent([['Café', 1, 650], ['Thé', 1, 500]]));
    const late: DisplayState[] = [];
    subscribeDisplay((s) => late.push(s), factory);
    // The early display got the idle answer to its hello, two cart states, and the answer to the
    // late display's hello (a broadcast: harmless, it is the same state).
    expect(early.map((s) => s.phase)).toEqual(['idle', 'cart', 'cart', 'cart']);
    expect(late).toHaveLength(1);
    expect(late[0]).toMatchObject({ phase: 'cart', total: 1150, itemCount: 2 });
  });
});

class RecordingTransport extends BaseTransport {
  readonly kind = 'fake' as const;
  writes: Uint8Array[] = [];
  async open(): Promise<void> {
    this.setStatus('open');
  }
  async write(bytes: Uint8Array): Promise<void> {
    this.writes.push(bytes);
  }
  async close(): Promise<void> {
    this.setStatus('closed');
  }
}

/** Reads CD5220 frames back: ESC Q A <text> CR is the top line, ESC Q B <text> CR the bottom one. */
function readCd5220(bytes: Uint8Array, encoding = 'cp858'): { top: string; bottom: string; codePage: number | null } {
  const b = [...bytes];
  const line = (which: number): string => {
    for (let i = 0; i < b.length - 2; i++) {
      if (b[i] === 0x1b && b[i + 1] === 0x51 && b[i + 2] === which) {
        const end = b.indexOf(0x0d, i + 3);
        return iconv.decode(Buffer.from(b.slice(i + 3, end)), encoding);
      }
    }
    throw new Error('line not found');
  };
  const ci = b.findIndex((x, i) => x === 0x1b && b[i + 1] === 0x74);
  return { top: line(0x41), bottom: line(0x42), codePage: ci >= 0 ? (b[ci + 2] as number) : null };
}

describe('pole display', () => {
  it('shows the last item and the total on 20 columns, transliterated for an ASCII display', async () => {
    const transport = new RecordingTransport();
    const pole = createPoleDisplay(transport, { protocol: 'cd5220', codePage: 'ascii', lang: 'fr' });
    await pole.show(nextDisplayState(INITIAL_DISPLAY, cartEvent([['Café', 1, 650], ['Crème brûlée', 2, 1080]])));
    const screen = readCd5220(transport.writes[0] as Uint8Array, 'ascii');
    expect(screen.top).toBe('2x Creme b 10,80 EUR');
    expect(screen.top.length).toBe(20);
    expect(screen.bottom).toBe('TOTAL      17,30 EUR');
    expect(screen.codePage).toBeNull();
  });

  it('keeps accents and € in CP858 and shows the change and a thank-you after payment', () => {
    const bytes = encodePole(poleLines(nextDisplayState(INITIAL_DISPLAY, { kind: 'sale', sale }), { protocol: 'cd5220', codePage: 'cp858', lang: 'fr' }), { protocol: 'cd5220', codePage: 'cp858' });
    const screen = readCd5220(bytes);
    expect(screen.codePage).toBe(19);
    expect(screen.top).toBe('Rendu         2,70 €');
    expect(screen.bottom).toBe('Merci, a bientot !  ');
  });

  it('transliterates what no code page has', () => {
    expect(transliterate('Œufs à 3 € – Noël', 'ascii')).toBe('OEufs a 3 EUR - Noel');
    expect(transliterate('Œufs à 3 €', 'cp858')).toBe('OEufs à 3 €');
  });

  it('addresses lines with ESC l x y on ESC/POS displays', () => {
    const bytes = [...encodePole(['AB', 'CD'], { protocol: 'escpos', codePage: 'ascii' })];
    expect(bytes.slice(-2 - 4 - 20 - 4 - 20)).toEqual([0x1b, 0x11, 0x1b, 0x6c, 1, 1, 0x41, 0x42, ...Array(18).fill(0x20), 0x1b, 0x6c, 1, 2, 0x43, 0x44, ...Array(18).fill(0x20)]);
  });
});
