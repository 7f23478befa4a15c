/**
 * Stores, registers and pairing, on top of the private system store. Register tokens and pairing
 * codes are only ever kept as SHA-256 hashes.
 */
import { newPairingCode, newRegisterId, newToken, normalizePairingCode, sha256Hex } from './auth/credentials.ts';
import { storeDbName } from './db/backend.ts';
import type { RegisterRecord, StoreRecord, SystemStore } from './system/system-store.ts';

export const PAIRING_CODE_TTL_MS = 24 * 3600 * 1000;

export interface IssuedCode {
  register: RegisterRecord;
  pairingCode: string;
  expiresAt: string;
}

export interface PairingResult {
  storeId: string;
  registerId: string;
  registerName: string;
  token: string;
  dbName: string;
}

export type PairingFailure =
  | { kind: 'malformed'; reason: string }
  | { kind: 'unknown'; reason: string }
  | { kind: 'used'; reason: string }
  | { kind: 'expired'; reason: string };

/** The authenticated register behind a bearer token. */
export interface RegisterPrincipal {
  kind: 'register';
  registerId: string;
  storeId: string;
  name: string;
}

export class Registry {
  private byTokenHash = new Map<string, RegisterRecord>();

  constructor(
    private readonly system: SystemStore,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.reindex();
  }

  private reindex(): void {
    this.byTokenHash.clear();
    for (const r of this.system.snapshot.registers) if (r.tokenHash) this.byTokenHash.set(r.tokenHash, r);
  }

  stores(): readonly StoreRecord[] {
    return this.system.snapshot.stores;
  }

  store(id: string): StoreRecord | undefined {
    return this.system.snapshot.stores.find((s) => s.id === id);
  }

  registers(storeId: string): RegisterRecord[] {
    return this.system.snapshot.registers.filter((r) => r.storeId === storeId);
  }

  async addStore(id: string, name: string): Promise<StoreRecord> {
    return this.system.mutate((d) => {
      const existing = d.stores.find((s) => s.id === id);
      if (existing) return existing;
      const record: StoreRecord = { id, name, createdAt: this.now().toISOString() };
      d.stores.push(record);
      return record;
    });
  }

  /** Creates a register and its first pairing code. */
  async createRegister(storeId: string, name: string): Promise<IssuedCode> {
    const code = newPairingCode();
    const issued = await this.system.mutate((d) => {
      if (!d.stores.some((s) => s.id === storeId)) throw new Error(`unknown store ${storeId}`);
      const taken = new Set(d.registers.map((r) => r.id));
      let id = newRegisterId();
      while (taken.has(id)) id = newRegisterId();
      const register: RegisterRecord = { id, storeId, name, createdAt: this.now().toISOString(), tokenHash: null, pairedAt: null };
      d.registers.push(register);
      return { register, expiresAt: this.addCode(d, register, code) };
    });
    return { register: issued.register, pairingCode: code, expiresAt: issued.expiresAt };
  }

  /** A fresh pairing code for an existing register (older unused codes stop working). */
  async issuePairingCode(registerId: string): Promise<IssuedCode> {
    const code = newPairingCode();
    const issued = await this.system.mutate((d) => {
      const register = d.registers.find((r) => r.id === registerId);
      if (!register) throw new Error(`unknown register ${registerId}`);
      return { register, expiresAt: this.addCode(d, register, code) };
    });
    return { register: issued.register, pairingCode: code, expiresAt: issued.expiresAt };
  }

  private addCode(d: { pairingCodes: SystemStore['snapshot']['pairingCodes'] }, register: RegisterRecord, code: string): string {
    const now = this.now();
    const keepAfter = now.getTime() - 7 * 24 * 3600 * 1000;
    // Older unused codes of this register are withdrawn; long-dead codes are forgotten.
    const kept = d.pairingCodes.filter((c) => c.registerId !== register.id && Date.parse(c.expiresAt) > keepAfter);
    const expiresAt = new Date(now.getTime() + PAIRING_CODE_TTL_MS).toISOString();
    kept.push({ codeHash: sha256Hex(code), registerId: register.id, storeId: register.storeId, createdAt: now.toISOString(), expiresAt, usedAt: null });
    d.pairingCodes.splice(0, d.pairingCodes.length, ...kept);
    return expiresAt;
  }

  /** Redeems a pairing code: single use; issues (or replaces) the register's token. */
  async pair(input: unknown): Promise<PairingResult | PairingFailure> {
    const code = normalizePairingCode(input);
    if (!code) return { kind: 'malformed', reason: 'A pairing code has 8 letters and digits, like ABCD-EFGH.' };
    const hash = sha256Hex(code);
    const token = newToken();
    const outcome = await this.system.mutate((d): PairingResult | PairingFailure => {
      const record = d.pairingCodes.find((c) => c.codeHash === hash);
      if (!record) return { kind: 'unknown', reason: 'This pairing code does not exist. Check it, or create a new one.' };
      if (record.usedAt) return { kind: 'used', reason: 'This pairing code has already been used. Create a new one for this register.' };
      const now = this.now();
      if (Date.parse(record.expiresAt) <= now.getTime()) {
        return { kind: 'expired', reason: 'This pairing code has expired (codes last 24 hours). Create a new one.' };
      }
      const register = d.registers.find((r) => r.id === record.registerId);
      if (!register) return { kind: 'unknown', reason: 'The register of this pairing code no longer exists.' };
      record.usedAt = now.toISOString();
      register.tokenHash = sha256Hex(token);
      register.pairedAt = now.toISOString();
      return { storeId: register.storeId, registerId: register.id, registerName: register.name, token, dbName: storeDbName(register.storeId) };
    });
    this.reindex();
    return outcome;
  }

  authenticateToken(token: string): RegisterPrincipal | null {
    const record = this.byTokenHash.get(sha256Hex(token));
    if (!record) return null;
    return { kind: 'register', registerId: record.id, storeId: record.storeId, name: record.name };
  }
}

export function isPairingFailure(x: PairingResult | PairingFailure): x is PairingFailure {
  return 'kind' in x;
}
