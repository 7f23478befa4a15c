/**
 * Turns the refusals commands return (domain SaleRefusal and friends) into a sentence for the cashier.
 * Unknown shapes fall back to their message or JSON so nothing is ever swallowed.
 */
import type { CompleteSaleRefusal } from '../commands/index.ts';
import { fmtMoney, lang } from './i18n/index.ts';
import { errorMessage } from './reactive.ts';

function isSaleRefusal(r: unknown): r is CompleteSaleRefusal {
  return typeof r === 'object' && r !== null && 'kind' in r && typeof (r as { kind: unknown }).kind === 'string';
}

export function describeRefusal(r: unknown): string {
  const fr = lang() === 'fr';
  if (typeof r === 'string') return r;
  if (!isSaleRefusal(r)) return errorMessage(r);
  switch (r.kind) {
    case 'empty_cart':
      return fr ? 'le panier est vide' : 'the cart is empty';
    case 'underpaid':
      return fr ? `il manque ${fmtMoney(r.missing)}` : `${fmtMoney(r.missing)} still due`;
    case 'change_from_non_cash':
      return fr ? `rendu impossible sur un paiement non espèces (${fmtMoney(r.excess)})` : `cannot give change on a non-cash tender (${fmtMoney(r.excess)})`;
    case 'invalid_tender':
      return fr ? 'montant de paiement invalide' : 'invalid tender amount';
    case 'invalid_quantity':
      return fr ? `quantité invalide pour ${r.sku}` : `invalid quantity for ${r.sku}`;
    case 'invalid_price':
      return fr ? `prix invalide pour ${r.sku}` : `invalid price for ${r.sku}`;
    case 'invalid_vat_rate':
      return fr ? `taux de TVA invalide pour ${r.sku}` : `invalid VAT rate for ${r.sku}`;
    case 'currency_mismatch':
      return fr ? `${r.sku} est en ${r.actual}, la boutique en ${r.expected}` : `${r.sku} is priced in ${r.actual}, the shop uses ${r.expected}`;
    case 'invalid_field':
      return fr ? `donnée de vente invalide : ${r.field}` : `invalid sale field: ${r.field}`;
    case 'not_paired':
      return fr ? 'cette caisse n’est pas appairée' : 'this register is not paired';
    case 'no_store_settings':
      return fr
        ? 'les réglages de la boutique ne sont pas encore arrivés du serveur (connectez la caisse une première fois)'
        : 'the shop settings have not arrived from the server yet (connect the register once)';
    case 'receipt_conflict':
      return fr
        ? `le numéro de ticket ${r.receiptNumber} est déjà pris ; rien n’a été enregistré, réessayez`
        : `receipt number ${r.receiptNumber} is already taken; nothing was saved, try again`;
    case 'not_saved':
      return fr ? `la vente n’a pas pu être enregistrée sur l’appareil (${r.message})` : `the sale could not be saved on this device (${r.message})`;
    default: {
      const other = r as { kind: string; message?: string };
      return other.message ?? other.kind;
    }
  }
}
