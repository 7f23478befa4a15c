/** Order detail and scan-to-pick (issue 6), French: the reference; order-detail.en.ts is typed against it. */
import type { FulfilmentStatus, OrderRefusal } from '../../domain/web-order-state.ts';
import type { WebOrderEventKind } from '../../domain/documents.ts';

type StepRefusal = OrderRefusal | { kind: 'not_paired' } | { kind: 'not_signed_in' } | { kind: 'order_not_found' } | { kind: 'unknown_code'; code: string } | { kind: 'not_saved'; message: string };

export const orderDetailFr = {
  back: '← Commandes web',
  open: (n: string) => `Ouvrir la commande ${n}`,
  notFound: 'Commande introuvable sur cette caisse.',
  title: (n: string) => `Commande ${n}`,
  lines: 'Articles',
  sku: 'Référence',
  item: 'Article',
  ordered: 'Commandé',
  picked: 'Préparé',
  shipped: 'Expédié',
  progress: 'Préparation',
  scanLabel: 'Scanner ou saisir un code-barres / une référence',
  scanPlaceholder: 'Code-barres ou référence, puis Entrée',
  pickComplete: 'Terminer sans scanner',
  packed: 'Emballé',
  allPicked: 'Préparation terminée.',
  customerNote: 'Note du client',
  notes: 'Notes de préparation',
  addNote: 'Ajouter la note',
  notePlaceholder: 'Note interne…',
  payment: 'Paiement',
  paidBy: (processor: string) => `Payée (${processor})`,
  paid: 'Payée',
  toPay: 'À encaisser en boutique',
  history: 'Historique',
  noHistory: 'Rien de fait sur cette commande pour l’instant.',
  who: 'Par',
  when: 'Quand',
  what: 'Action',
  refusedTag: 'ignoré (conflit)',
  statuses: {
    new: 'Nouvelle',
    picking: 'En préparation',
    picked: 'Préparée',
    packed: 'Emballée',
    ready_for_pickup: 'Prête à retirer',
    shipped: 'Expédiée',
    picked_up: 'Retirée',
    cancelled: 'Annulée',
  } satisfies Record<FulfilmentStatus, string>,
  event: (kind: WebOrderEventKind, detail: { sku?: string; quantity?: number; all?: true; text?: string; override?: boolean }): string => {
    const forced = detail.override === true ? ' (forcé)' : '';
    switch (kind) {
      case 'picked':
        return detail.all === true ? 'Préparation terminée sans scanner' : `Préparé ${detail.quantity ?? 1} × ${detail.sku ?? ''}`;
      case 'packed':
        return `Emballée${forced}`;
      case 'note':
        return `Note : ${detail.text ?? ''}`;
      case 'shipped':
        return `Expédiée${forced}`;
      case 'ready_for_pickup':
        return `Prête à retirer${forced}`;
      case 'picked_up':
        return `Retirée par le client${forced}`;
      case 'cancelled':
        return 'Annulée';
    }
  },
  refusal: (r: StepRefusal): string => {
    switch (r.kind) {
      case 'not_on_order':
        return `Mauvais article : ${r.sku} n’est pas sur cette commande.`;
      case 'over_pick':
        return `Article en trop : ${r.sku} est déjà préparé (${r.picked}/${r.ordered}).`;
      case 'unknown_code':
        return `Code inconnu : ${r.code}.`;
      case 'closed':
        return 'Cette commande est close.';
      case 'not_picking':
        return 'La commande est déjà emballée.';
      case 'bad_quantity':
        return 'Quantité invalide.';
      case 'not_picked':
        return 'Tous les articles ne sont pas préparés.';
      case 'not_packed':
        return 'La commande n’est pas emballée.';
      case 'unpaid':
        return 'La commande n’est pas payée.';
      case 'wrong_delivery':
        return 'Action impossible pour ce mode de livraison.';
      case 'empty_note':
        return 'La note est vide.';
      case 'not_paired':
        return 'Caisse non appairée.';
      case 'not_signed_in':
        return 'Personne n’est connecté sur cette caisse.';
      case 'order_not_found':
        return 'Commande introuvable.';
      case 'not_saved':
        return `Non enregistré : ${r.message}`;
    }
  },
};
