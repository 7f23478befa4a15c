/** The orders screen ("recall orders"), its bulk bar and the header's new-order badge, French: the reference. */
import type { OrderDocumentRefusal as PrintRefusal } from '../../commands/order-documents.ts';
import type { Platform } from '../../domain/documents.ts';
import type { FulfilmentStatus } from '../../domain/web-order-types.ts';

const plural = (n: number, one: string, many: string): string => (n > 1 ? many : one);

export const ordersFr = {
  title: 'Commandes',
  empty: 'Aucune commande en cours.',
  noMatch: 'Aucune commande ne correspond à ces filtres.',
  results: (n: number): string => `${n} ${plural(n, 'commande', 'commandes')}`,
  number: 'N°',
  date: 'Date',
  status: 'État',
  delivery: 'Type',
  customer: 'Client',
  location: 'Emplacement',
  total: 'Total',
  payment: 'Paiement',
  statuses: {
    new: 'Nouvelle',
    picking: 'En préparation',
    picked: 'Préparée',
    packed: 'Emballée',
    partially_shipped: 'Expédiée en partie',
    ready_for_pickup: 'Prête à retirer',
    shipped: 'Expédiée',
    picked_up: 'Retirée',
    cancelled: 'Annulée',
    parked: 'En attente',
  } satisfies Record<FulfilmentStatus | 'parked', string>,
  deliveries: { shipping: 'Expédition', pickup: 'Retrait en boutique' },
  payments: { paid: 'Payée', to_pay: 'À encaisser' },
  platforms: { shopify: 'Shopify', woocommerce: 'WooCommerce', bigcommerce: 'BigCommerce' } satisfies Record<Platform, string>,
  parked: 'Vente en attente',
  parkedBy: (who: string): string => `mise en attente par ${who}`,
  toPay: 'À encaisser',
  balance: (amount: string): string => `reste ${amount}`,
  paidOnline: 'Payée',
  flagged: 'Contrôle du paiement en échec',
  unseen: 'nouvelle',
  open: (n: string): string => `Ouvrir la commande ${n}`,
  select: (n: string): string => `Sélectionner la commande ${n}`,
  selectAll: 'Tout sélectionner',
  resumeRefused: {
    cartNotEmpty: 'Le panier de la caisse n’est pas vide : encaissez-le ou mettez-le en attente avant de reprendre cette vente.',
    alreadyResumed: 'Cette vente a déjà été reprise sur une autre caisse.',
  },
  filters: {
    search: 'Rechercher',
    searchPlaceholder: 'N° de commande, client, e-mail, référence…',
    web: 'Web',
    webTitle: 'Seulement les commandes web',
    channel: 'Canal',
    channels: { all: 'Tous', web: 'Commandes web', parked: 'Ventes en attente' },
    platform: 'Plateforme',
    allPlatforms: 'Toutes',
    status: 'État',
    openStatuses: 'En cours',
    anyStatus: 'Tous, terminées comprises',
    delivery: 'Expédition ou retrait',
    anyDelivery: 'Tous',
    payment: 'Paiement',
    anyPayment: 'Tous',
    location: 'Emplacement',
    anyLocation: 'Tous',
    from: 'Du',
    to: 'Au',
    clear: 'Effacer les filtres',
  },
  badge: {
    title: (n: number): string => `${n} ${plural(n, 'nouvelle commande web', 'nouvelles commandes web')} pas encore vue${n > 1 ? 's' : ''} sur cette caisse`,
    arrived: (n: number): string => (n > 1 ? `${n} nouvelles commandes web` : 'Nouvelle commande web'),
  },
  bulk: {
    selected: (n: number): string => `${n} ${plural(n, 'sélectionnée', 'sélectionnées')}`,
    clear: 'Tout désélectionner',
    pickList: 'Liste de préparation',
    labels: 'Étiquettes',
    packed: 'Marquer emballées',
    shipped: 'Marquer expédiées',
    paid: 'Marquer payées',
    webOnly: (n: number): string => `${n} ${plural(n, 'vente en attente ignorée', 'ventes en attente ignorées')} : ces actions concernent les commandes web.`,
    shipTitle: 'Expédier les commandes sélectionnées',
    carrier: 'Transporteur',
    carrierPlaceholder: 'ex. Colissimo',
    tracking: (n: string): string => `N° de suivi ${n} (facultatif)`,
    paidTitle: 'Marquer payées (virements, chèques reçus)',
    method: 'Reçu par',
    methods: { bank_transfer: 'Virement bancaire', cheque: 'Chèque' },
    reference: 'Référence (facultatif)',
    referencePlaceholder: 'ex. n° de virement ou de chèque',
    confirm: 'Valider',
    cancel: 'Annuler',
    close: 'Fermer',
    progress: (done: number, total: number): string => `${done} sur ${total}…`,
    summary: (ok: number, refused: number): string =>
      `${ok} ${plural(ok, 'faite', 'faites')}, ${refused} ${plural(refused, 'refusée', 'refusées')}`,
    ok: 'Fait',
    printed: 'Envoyé à l’imprimante',
    refused: (why: string): string => `Refusé : ${why}`,
    resultTitle: 'Résultat',
  },
  /** Why a print of the bulk bar did not happen (pick list, labels). */
  printRefused: (r: PrintRefusal): string => {
    switch (r.kind) {
      case 'order_not_found':
        return 'commande introuvable sur cette caisse';
      case 'no_orders':
        return 'aucune commande sélectionnée';
      case 'order_cancelled':
        return 'commande annulée';
      case 'nothing_to_pick':
        return 'rien à préparer : toutes ces commandes sont préparées, expédiées ou annulées';
      case 'pickup_order':
        return 'retrait en boutique : pas d’étiquette';
      case 'nothing_to_label':
        return 'aucune étiquette à imprimer : retraits en boutique ou commandes annulées';
      case 'no_service':
        return 'aucun service de transport pour cette commande';
      case 'unknown_courier':
        return `transporteur inconnu : ${r.courierId}`;
      case 'courier':
        return r.refusal.kind === 'rejected' || r.refusal.kind === 'unreachable'
          ? `transporteur : ${r.refusal.message}`
          : r.refusal.kind === 'no_address'
            ? 'adresse de livraison manquante'
            : r.refusal.kind === 'weight_required'
              ? 'le transporteur demande le poids du colis (à saisir dans la commande)'
              : `transporteur : ${r.refusal.kind}`;
      case 'unprintable_label':
        return `étiquette au format ${r.format} impossible à imprimer ici`;
      case 'not_queued':
        return `impression non mise en file : ${r.message}`;
      case 'labels_failed':
        return `${r.failed.length} étiquette(s) non imprimée(s)`;
    }
  },
  printSkipped: { nothing_to_pick: 'rien à préparer', pickup_order: 'retrait : pas d’étiquette', order_cancelled: 'annulée : rien à imprimer' },
  keys: {
    search: 'Rechercher une commande',
    move: 'Commande précédente / suivante',
    open: 'Ouvrir la commande',
    toggle: 'Cocher / décocher la commande',
    space: 'Espace',
  },
};
