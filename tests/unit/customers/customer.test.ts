import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  customerMatches,
  customerQueryTokens,
  customerSearchTokens,
  formatPhone,
  mergeCustomers,
  mergeProposals,
  normaliseEmail,
  normalisePhone,
  survivingCustomer,
  validateCustomerDraft,
} from '../../../src/domain/customer.ts';
import type { CustomerDoc } from '../../../src/domain/documents.ts';

const c = (id: string, fields: Partial<CustomerDoc> = {}): CustomerDoc => ({
  _id: `customer:${id}`,
  type: 'customer',
  name: `Client ${id}`,
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...fields,
});

describe('normalisation', () => {
  it('emails are trimmed and lowercased', () => {
    expect(normaliseEmail('  Marie.Curie@Example.FR ')).toBe('marie.curie@example.fr');
    expect(normaliseEmail(undefined)).toBe('');
  });

  it('French numbers become E.164', () => {
    for (const raw of ['06 12 34 56 78', '06.12.34.56.78', '0612345678', '+33 6 12 34 56 78', '+33 (0)6 12 34 56 78', '0033 6 12 34 56 78', '+33 06 12 34 56 78']) {
      expect(normalisePhone(raw)).toBe('+33612345678');
    }
    expect(normalisePhone('+44 20 7946 0958')).toBe('+442079460958');
    expect(normalisePhone('')).toBe('');
    expect(formatPhone('+33612345678')).toBe('06 12 34 56 78');
  });

  it('is idempotent (property)', () => {
    const phoneish = fc.stringMatching(/^[+0-9 ().\-/]{0,20}$/);
    fc.assert(fc.property(fc.oneof(fc.string(), phoneish), (s) => normalisePhone(normalisePhone(s)) === normalisePhone(s)));
    fc.assert(fc.property(fc.string(), (s) => normaliseEmail(normaliseEmail(s)) === normaliseEmail(s)));
    fc.assert(
      fc.property(fc.integer({ min: 100_000_000, max: 999_999_999 }), (n) => {
        const national = '0' + String(n);
        if (national.charAt(1) === '0') return true;
        const e164 = normalisePhone(national.replace(/(\d{2})/g, '$1 '));
        return e164 === '+33' + String(n) && normalisePhone(e164) === e164;
      }),
    );
  });
});

describe('validateCustomerDraft', () => {
  it('normalises and drops empty optional fields', () => {
    const r = validateCustomerDraft({ name: '  Marie   Curie ', email: ' MARIE@x.fr', phone: '06 12 34 56 78', address: ['1 rue X', ' '], note: '' });
    expect(r).toEqual({ ok: true, value: { name: 'Marie Curie', email: 'marie@x.fr', phone: '+33612345678', address: ['1 rue X'] } });
  });

  it('reports every problem', () => {
    const r = validateCustomerDraft({ name: ' ', email: 'nope', phone: 'abc' });
    expect(r).toEqual({ ok: false, error: ['name_required', 'email_invalid', 'phone_invalid'] });
  });
});

describe('search tokens', () => {
  const marie = { name: 'Marie-Hélène Dupont', email: 'MH.Dupont@example.fr', phone: '+33612345678' };
  it('match name, email and phone in any usual form', () => {
    for (const q of ['marie', 'hel dup', 'mh.dupont@ex', 'mh.dupont', 'example', '06 12 34', '0612', '+33 6 12', '0033612', '33612345678']) {
      expect(customerMatches(marie, q), q).toBe(true);
    }
    for (const q of ['durand', '07 12', 'zz@']) expect(customerMatches(marie, q), q).toBe(false);
  });

  it('every query token of a profile field prefixes an indexed token (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 10_000_000, max: 99_999_999 }), (word, d, rest) => {
        const phone = `+33${d}${rest}`;
        const profile = { name: `${word} Martin`, phone };
        const tokens = customerSearchTokens(profile);
        const q = customerQueryTokens(`0${d}${String(rest).slice(0, 3)}`);
        return q.every((t) => tokens.some((k) => k.startsWith(t)));
      }),
    );
  });
});

describe('mergeProposals', () => {
  it('groups active profiles sharing an email, never the absorbed ones', () => {
    const list = [
      c('A', { email: 'a@x.fr', updatedAt: '2026-01-02T00:00:00.000Z' }),
      c('B', { email: ' A@X.fr' }),
      c('C', { email: 'c@x.fr' }),
      c('D', { email: 'c@x.fr', mergedInto: 'customer:C' }),
      c('E'),
      c('F'),
    ];
    expect(mergeProposals(list).map((p) => [p.email, p.customers.map((x) => x._id)])).toEqual([['a@x.fr', ['customer:B', 'customer:A']]]);
  });

  it('groups exactly the duplicates (property)', () => {
    const emails = ['a@x.fr', 'b@x.fr', 'c@x.fr', 'd@x.fr', ''];
    const arb = fc.array(
      fc.record({ email: fc.constantFrom(...emails), upper: fc.boolean(), merged: fc.boolean() }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(arb, (specs) => {
        const list = specs.map((s, i) =>
          c(String(i).padStart(3, '0'), { email: s.upper ? ` ${s.email.toUpperCase()}` : s.email, ...(s.merged ? { mergedInto: 'customer:x' } : {}) }),
        );
        const proposals = mergeProposals(list);
        const grouped = new Set(proposals.flatMap((p) => p.customers.map((x) => x._id)));
        for (const customer of list) {
          const email = normaliseEmail(customer.email);
          const others = list.filter((o) => o._id !== customer._id && !o.mergedInto && email !== '' && normaliseEmail(o.email) === email);
          const shouldBe = !customer.mergedInto && others.length > 0;
          if (grouped.has(customer._id) !== shouldBe) return false;
        }
        return proposals.every((p) => p.customers.every((x) => normaliseEmail(x.email) === p.email) && p.customers.length >= 2);
      }),
    );
  });
});

describe('mergeCustomers', () => {
  it('keeps the survivor id; non-empty wins; the later update wins a tie', () => {
    const keep = c('A', { name: 'Marie', email: 'm@x.fr', phone: '+33612345678', updatedAt: '2026-01-01T00:00:00.000Z' });
    const absorb = c('B', { name: 'Marie Curie', email: 'm@x.fr', address: ['1 rue X'], updatedAt: '2026-02-01T00:00:00.000Z' });
    const r = mergeCustomers(keep, absorb, '2026-03-01T00:00:00.000Z');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.kept).toEqual({
      _id: 'customer:A', type: 'customer', name: 'Marie Curie', email: 'm@x.fr', phone: '+33612345678', address: ['1 rue X'], updatedAt: '2026-03-01T00:00:00.000Z',
    });
    expect(r.value.absorbed).toMatchObject({ _id: 'customer:B', mergedInto: 'customer:A', updatedAt: '2026-03-01T00:00:00.000Z' });
    expect(mergeCustomers(keep, keep, 'x').ok).toBe(false);
    expect(mergeCustomers(keep, r.value.absorbed, 'x')).toEqual({ ok: false, error: 'already_merged' });
  });

  it('merged fields always come from one of the two profiles (property)', () => {
    const field = fc.option(fc.string({ maxLength: 5 }), { nil: undefined });
    fc.assert(
      fc.property(field, field, field, field, fc.boolean(), (e1, e2, p1, p2, newer) => {
        const keep = c('A', { email: e1, phone: p1, updatedAt: '2026-01-01T00:00:00.000Z' });
        const absorb = c('B', { email: e2, phone: p2, updatedAt: newer ? '2026-02-01T00:00:00.000Z' : '2025-12-01T00:00:00.000Z' });
        const r = mergeCustomers(keep, absorb, 'now');
        if (!r.ok) return false;
        const k = r.value.kept;
        const okField = (v: unknown, a: unknown, b: unknown): boolean =>
          (a || b ? v === (a && b ? (newer ? b : a) : a || b) : v === undefined);
        return okField(k.email, e1, e2) && okField(k.phone, p1, p2);
      }),
    );
  });

  it('survivingCustomer follows merge links without looping', () => {
    const byId = new Map([
      ['customer:A', c('A', { mergedInto: 'customer:B' })],
      ['customer:B', c('B', { mergedInto: 'customer:C' })],
      ['customer:C', c('C')],
      ['customer:X', c('X', { mergedInto: 'customer:Y' })],
      ['customer:Y', c('Y', { mergedInto: 'customer:X' })],
    ]);
    expect(survivingCustomer('customer:A', (id) => byId.get(id))?._id).toBe('customer:C');
    expect(survivingCustomer('customer:X', (id) => byId.get(id))).toBeDefined();
  });
});
