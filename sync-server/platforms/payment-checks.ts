/**
 * The payment's security results as the platforms document them → Comptoir's PaymentCheck list
 * (WebOrderDoc.paymentChecks: shown on the order, and a failed one flags the order before anything
 * is handed over):
 *
 *   Shopify      GET orders/{id}/risks.json — `recommendation` accept / investigate / cancel (the
 *                most severe one counts) — and GET orders/{id}/transactions.json — the successful
 *                sale or authorization's `payment_details.avs_result_code` / `cvv_result_code`
 *                (single letters, for cards processed by Shopify Payments)
 *   BigCommerce  GET /v3/orders/{id}/transactions — `fraud_review`, `avs_result` {code, street_match,
 *                postal_match}, `cvv_result` {code}
 *   WooCommerce  its REST order documents no payment security result (fraud tools keep theirs in
 *                plugin meta data): nothing is mapped
 *
 * AVS and CVV letters follow the card networks' codes: an unknown letter is "unavailable", never a
 * pass.
 */
import type { PaymentCheck } from '../../src/domain/documents.ts';

type Json = Record<string, unknown>;

const AVS_STREET_OK = new Set(['Y', 'X', 'D', 'F', 'M', 'A', 'B']);
const AVS_STREET_BAD = new Set(['Z', 'W', 'P', 'N', 'C']);
const AVS_ZIP_OK = new Set(['Y', 'X', 'D', 'F', 'M', 'Z', 'W', 'P']);
const AVS_ZIP_BAD = new Set(['A', 'B', 'N', 'C']);

function letter(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim().toUpperCase() : undefined;
}

/** The two checks an AVS letter answers: the street, the postcode. */
export function avsChecks(code: unknown): PaymentCheck[] {
  const c = letter(code);
  if (!c) return [];
  const result = (ok: Set<string>, bad: Set<string>): PaymentCheck['result'] => (ok.has(c) ? 'pass' : bad.has(c) ? 'fail' : 'unavailable');
  return [
    { name: 'address', result: result(AVS_STREET_OK, AVS_STREET_BAD), detail: c },
    { name: 'postcode', result: result(AVS_ZIP_OK, AVS_ZIP_BAD), detail: c },
  ];
}

export function cvvCheck(code: unknown): PaymentCheck[] {
  const c = letter(code);
  if (!c) return [];
  return [{ name: 'card_code', result: c === 'M' ? 'pass' : c === 'N' ? 'fail' : 'unavailable', detail: c }];
}

const SEVERITY: Record<string, number> = { accept: 0, investigate: 1, cancel: 2 };

export function shopifyPaymentChecks(risks: readonly Json[], transactions: readonly Json[]): PaymentCheck[] {
  const checks: PaymentCheck[] = [];
  const recs = risks.map((r) => String(r.recommendation ?? '').toLowerCase()).filter((r) => r in SEVERITY);
  if (recs.length > 0) {
    const worst = recs.reduce((a, b) => (SEVERITY[b]! > SEVERITY[a]! ? b : a));
    checks.push({ name: 'fraud_risk', result: worst === 'accept' ? 'pass' : 'fail', detail: worst });
  }
  const tx = [...transactions].reverse().find((t) => ['sale', 'authorization'].includes(String(t.kind)) && t.status === 'success' && t.payment_details);
  const details = (tx?.payment_details ?? {}) as Json;
  checks.push(...avsChecks(details.avs_result_code), ...cvvCheck(details.cvv_result_code));
  return checks;
}

/** BigCommerce documents these as objects; older examples show one-element arrays. */
function one(v: unknown): Json {
  const x = Array.isArray(v) ? v[0] : v;
  return x && typeof x === 'object' ? (x as Json) : {};
}

function yesNo(v: unknown, name: PaymentCheck['name']): PaymentCheck | null {
  const c = letter(v);
  if (!c) return null;
  return { name, result: c === 'Y' ? 'pass' : c === 'N' ? 'fail' : 'unavailable', detail: c };
}

export function bigcommercePaymentChecks(transactions: readonly Json[]): PaymentCheck[] {
  const tx = [...transactions].reverse().find((t) => ['purchase', 'authorization', 'capture'].includes(String(t.event)) && t.status !== 'error');
  if (!tx) return [];
  const checks: PaymentCheck[] = [];
  if (typeof tx.fraud_review === 'boolean') checks.push({ name: 'fraud_risk', result: tx.fraud_review ? 'fail' : 'pass', detail: tx.fraud_review ? 'fraud review' : 'no review' });
  const avs = one(tx.avs_result);
  const street = yesNo(avs.street_match, 'address');
  const postal = yesNo(avs.postal_match, 'postcode');
  if (street || postal) checks.push(...[street, postal].filter((c): c is PaymentCheck => c !== null));
  else checks.push(...avsChecks(avs.code));
  checks.push(...cvvCheck(one(tx.cvv_result).code));
  return checks;
}
