/**
 * ULIDs for documents created on a register (stock movements, customers): unique without
 * coordination, and sortable by creation time so that ids list in the order things happened.
 * Clock and randomness are injected so that tests are deterministic and the domain stays pure.
 */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const TIME_CHARS = 10;
const RANDOM_BYTES = 10; // 80 bits = 16 base32 characters exactly
const MAX_TIME = 2 ** 48 - 1;

export const ULID_PATTERN = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/;

export function isUlid(value: string): boolean {
  return ULID_PATTERN.test(value);
}

function encodeTime(ms: number): string {
  let out = '';
  let t = ms;
  for (let i = 0; i < TIME_CHARS; i++) {
    out = CROCKFORD.charAt(t % 32) + out;
    t = Math.floor(t / 32);
  }
  return out;
}

/** The creation instant encoded in a ULID. */
export function ulidTime(ulid: string): number {
  if (!isUlid(ulid)) throw new RangeError(`Not a ULID: "${ulid}"`);
  let t = 0;
  for (const c of ulid.slice(0, TIME_CHARS)) t = t * 32 + CROCKFORD.indexOf(c);
  return t;
}

function randomDigits(bytes: Uint8Array): number[] {
  if (bytes.length < RANDOM_BYTES) throw new RangeError(`The random source returned ${bytes.length} bytes, ${RANDOM_BYTES} needed`);
  const digits: number[] = [];
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < RANDOM_BYTES; i++) {
    acc = (acc << 8) | (bytes[i] ?? 0);
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      digits.push((acc >> bits) & 31);
    }
    acc &= (1 << bits) - 1;
  }
  return digits;
}

/** +1 on an 80-bit number held as base-32 digits; false on overflow. */
function increment(digits: number[]): boolean {
  for (let i = digits.length - 1; i >= 0; i--) {
    const d = (digits[i] ?? 0) + 1;
    if (d < 32) {
      digits[i] = d;
      return true;
    }
    digits[i] = 0;
  }
  return false;
}

/**
 * A ULID generator. Within one millisecond (or when the clock steps back, as tablet clocks do after
 * an NTP correction) it increments the previous random part instead of drawing a new one, so ids from
 * one generator are strictly increasing. On the (2^80) overflow it borrows the next millisecond rather
 * than throwing: a sale must never fail for want of an id.
 */
export function createUlid(now: () => number, random: (n: number) => Uint8Array): () => string {
  let lastTime = -1;
  let lastRandom: number[] = [];
  return () => {
    const t = now();
    if (!Number.isSafeInteger(t) || t < 0 || t > MAX_TIME) throw new RangeError(`The clock returned ${t}, not a time a ULID can hold`);
    if (t > lastTime) {
      lastTime = t;
      lastRandom = randomDigits(random(RANDOM_BYTES));
    } else if (!increment(lastRandom)) {
      if (lastTime >= MAX_TIME) throw new RangeError('ULID space exhausted');
      lastTime += 1;
      lastRandom = randomDigits(random(RANDOM_BYTES));
    }
    return encodeTime(lastTime) + lastRandom.map((d) => CROCKFORD.charAt(d)).join('');
  };
}

function assertUlid(ulid: string): void {
  if (!isUlid(ulid)) throw new RangeError(`Not a ULID: "${ulid}"`);
}

/** stock:<origin>:<ulid>; origin is a register id or "server". */
export function stockMovementId(origin: string, ulid: string): string {
  if (!/^[^:\s]+$/.test(origin)) throw new RangeError(`A movement origin is non-empty without ":" or spaces, got "${origin}"`);
  assertUlid(ulid);
  return `stock:${origin}:${ulid}`;
}

export function customerId(ulid: string): string {
  assertUlid(ulid);
  return `customer:${ulid}`;
}
