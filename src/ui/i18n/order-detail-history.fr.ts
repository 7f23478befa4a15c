/**
 * Order detail (issue 6), French: how each event reads in the order's history, why a step is refused,
 * the payment checks and processors. Amounts and place names arrive formatted (the catalogue cannot
 * format money: the formatter lives in i18n/index.ts, which imports this file).
 */
import type { WebOrderEventKind } from '../../domain/documents.ts';

/** An event (or a history entry) as the history shows it; `place`, `amount`, `surcharge` are pre-formatted. */
export interface EventDetail {
  sku?: string;
  quantity?: number;
  all?: true;
  text?: string;
  override?: boolean;
  place?: string;
  tracking?: { carrier: string; number: string };
  lines?: ReadonlyArray<{ sku: string; quantity: number }>;
  allocation?: ReadonlyArray<{ sku: string; location: string; quantity: number }>;
  method?: string;
  amount?: string;
  surcharge?: string;
  change?: { sku?: string; remove?: number; add?: { sku: string; quantity: number } };
  refundTo?: 'original' | 'store_credit';
  voucher?: string;
  restock?: boolean;
  reason?: string;
  assignee?: string | null;
  printed?: 'packing_slip' | 'label' | 'pick_list';
}

/** A refusal from a command or from the fold; only `kind` is certain, the rest depends on it. */
export interface RefusalDetail {
  kind: string;
  sku?: string;
  ordered?: number;
  picked?: number;
  code?: string;
  message?: string;
}

const units = (lines: EventDetail['lines']): string => (lines ?? []).map((l) => `${l.quantity} × ${l.sku}`).join(', ');
const at = (d: EventDetail): string => (d.place ? ` — ${d.place}` : '');
const forced = (d: EventDetail): string => (d.override === true ? ' (forcé par un·e responsable)' : '');
const refundFr = (d: EventDetail): string =>
  d.amount === undefined ? '' : d.refundTo === 'store_credit' ? ` ; avoir de ${d.amount}${d.voucher ? ` (${d.voucher})` : ''}` : ` ; remboursement de ${d.amount}`;

export const orderHistoryFr = {
  event: (kind: WebOrderEventKind, d: EventDetail): string => {
    switch (kind) {
      case 'picked':
        return (d.all === true ? 'Préparation terminée sans scanner' : `Préparé ${d.quantity ?? 1} × ${d.sku ?? ''}`) + at(d);
      case 'packed':
        return `Emballée${at(d)}${forced(d)}`;
      case 'note':
        return `Note : ${d.text ?? ''}`;
      case 'shipped':
        return `Expédiée${d.lines?.length ? ` (${units(d.lines)})` : ''}${d.tracking ? ` — ${d.tracking.carrier} ${d.tracking.number}` : ''}${at(d)}${forced(d)}`;
      case 'ready_for_pickup':
        return `Prête à retirer${forced(d)}`;
      case 'picked_up':
        return `Retirée par le client${forced(d)}`;
      case 'cancelled':
        return `Annulée${d.reason ? ` : ${d.reason}` : ''}${d.restock === false ? ' (sans remise en stock)' : ''}${refundFr(d)}`;
      case 'allocated':
        return `Répartie : ${(d.allocation ?? []).map((a) => `${a.quantity} × ${a.sku} → ${a.location}`).join(', ')}`;
      case 'paid':
        return `Solde encaissé${d.amount ? ` : ${d.amount}` : ''}${d.method ? ` (${d.method})` : ''}`;
      case 'changed': {
        const c = d.change ?? {};
        const parts = [c.sku && c.remove ? `retiré ${c.remove} × ${c.sku}` : '', c.add ? `ajouté ${c.add.quantity} × ${c.add.sku}` : ''].filter((p) => p !== '');
        return `Modifiée : ${parts.join(', ')}${refundFr(d)}`;
      }
      case 'returned':
        return `Retour : ${units(d.lines)}${d.restock === false ? ' (sans remise en stock)' : ''}${refundFr(d)}${d.surcharge ? ` ; frais retenus ${d.surcharge}` : ''}`;
      case 'assigned':
        return d.assignee ? `Confiée à ${d.assignee}` : 'Plus confiée à personne';
      case 'address_corrected':
        return 'Adresse ou client corrigé';
      case 'printed':
        return d.printed === 'label' ? 'Étiquette imprimée' : d.printed === 'pick_list' ? 'Liste de préparation imprimée' : 'Bon de livraison imprimé';
    }
  },
  /** A sentence for the refusals this screen knows; null for others (the caller falls back). */
  refusal: (r: RefusalDetail): string | null => {
    switch (r.kind) {
      case 'not_on_order':
        return `Mauvais article : ${r.sku ?? ''} n’est pas sur cette commande.`;
      case 'over_pick':
        return `Article en trop : ${r.sku ?? ''} est déjà préparé (${r.picked ?? 0}/${r.ordered ?? 0}).`;
      case 'unknown_code':
        return `Code inconnu : ${r.code ?? ''}.`;
      case 'closed':
        return 'Cette commande est close.';
      case 'not_picking':
        return 'Cette étape est déjà faite.';
      case 'bad_quantity':
        return 'Quantité invalide.';
      case 'not_picked':
        return 'Tous les articles ne sont pas préparés.';
      case 'not_packed':
        return 'La commande n’est pas emballée.';
      case 'unpaid':
        return 'La commande n’est pas entièrement payée : encaissez le solde d’abord.';
      case 'flagged':
        return 'Les contrôles du paiement ont échoué : un·e responsable doit autoriser.';
      case 'wrong_delivery':
        return 'Action impossible pour ce mode de livraison.';
      case 'empty_note':
        return 'La note est vide.';
      case 'nothing_to_ship':
        return 'Plus rien à expédier.';
      case 'over_ship':
        return 'Plus d’unités que ce qui reste à expédier.';
      case 'already_shipped':
        return 'Déjà expédiée : faites un retour.';
      case 'not_shipped':
        return 'Rien n’est encore expédié : modifiez ou annulez la commande.';
      case 'over_return':
        return 'Plus d’unités que ce qui a été expédié.';
      case 'nothing_due':
        return 'Rien à encaisser : la commande est payée.';
      case 'bad_amount':
        return 'Montant invalide.';
      case 'no_lines_at':
        return 'Cet emplacement n’a aucune ligne de la commande.';
      case 'over_remove':
        return 'Plus d’unités que ce qui reste à expédier.';
      case 'empty_change':
        return 'Aucune modification.';
      case 'no_address':
        return 'Aucune adresse de livraison : corrigez-la d’abord.';
      case 'bad_parcel':
        return 'Poids ou dimensions du colis invalides.';
      case 'weight_required':
        return 'Ce transporteur a besoin du poids du colis.';
      case 'too_heavy':
        return 'Colis trop lourd pour ce service.';
      case 'unknown_service':
        return 'Service de transport inconnu.';
      case 'rejected':
      case 'unreachable':
        return `Transporteur : ${r.message ?? ''}`;
      case 'unknown_location':
        return 'Emplacement inconnu.';
      case 'bad_allocation':
        return 'La répartition ne couvre pas exactement la commande.';
      case 'empty_reason':
        return 'Indiquez un motif.';
      case 'not_paired':
        return 'Caisse non appairée.';
      case 'not_signed_in':
        return 'Personne n’est connecté sur cette caisse.';
      case 'order_not_found':
        return 'Commande introuvable.';
      case 'no_open_shift':
        return 'Aucune caisse ouverte : ouvrez la caisse d’abord (écran Caisse).';
      case 'not_saved':
        return `Non enregistré : ${r.message ?? ''}`;
      case 'order_cancelled':
        return 'La commande est annulée.';
      case 'pickup_order':
        return 'Une commande à retirer n’a pas d’étiquette d’expédition.';
      case 'no_service':
        return 'Choisissez un service de transport.';
      case 'unknown_courier':
        return 'Transporteur inconnu.';
      case 'unprintable_label':
        return 'Cette étiquette ne peut pas être imprimée ici.';
      case 'not_queued':
        return `Impression impossible : ${r.message ?? ''}`;
      default:
        return null;
    }
  },
  refusedTag: (why: string) => `refusé : ${why}`,
  checks: {
    title: 'Contrôles du paiement',
    names: { fraud_risk: 'Risque de fraude', address: 'Adresse (AVS)', postcode: 'Code postal', card_code: 'Cryptogramme', '3d_secure': '3-D Secure' },
    results: { pass: 'OK', fail: 'Échec', unavailable: 'Non disponible' },
    flagged: 'Contrôles du paiement en échec : ne rien remettre ni expédier sans l’accord d’un·e responsable.',
    none: 'La plateforme ne fournit pas de contrôle pour ce paiement.',
  },
  processors: {
    shopify_payments: 'Shopify Payments',
    stripe: 'Stripe',
    paypal: 'PayPal',
    ppcp: 'PayPal',
    klarna: 'Klarna',
    bacs: 'Virement bancaire',
    cheque: 'Chèque',
    cod: 'Paiement au retrait',
    manual: 'Paiement manuel',
  } as Record<string, string>,
};
