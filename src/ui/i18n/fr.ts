/**
 * French strings: the reference catalogue. en.ts is typed against `Messages`, so a key missing (or
 * extra) there fails the typecheck. Parameterised strings are functions.
 */
import { webImportFr } from './web-import.fr.ts';
import { returnsFr, shiftFr } from './shift-fr.ts';
import { counterFr } from './counter-fr.ts';
import { customersHistoryFr } from './customers-history.fr.ts';
import { devicesFr } from './devices-fr.ts';
import { staffFr } from './staff-fr.ts';
import { peripheralsFr } from './peripherals-fr.ts';
import { outboundFr } from './outbound.fr.ts';
import { orderDetailFr } from './order-detail.fr.ts';
import { ordersFr } from './orders.fr.ts';
import { reportsFr } from './reports.fr.ts';
import { productsFr } from './products.fr.ts';
import { stockFr } from './stock.fr.ts';

export const fr = {
  // Reports and the till reconciliation (reports.*.ts, issue 7).
  reports: reportsFr,
  // Products and stock screens (products.*.ts, stock.*.ts, issue 7).
  products: productsFr,
  stock: stockFr,
  // Customers, sales history, invoices, shortcut help (customers-history.fr.ts).
  ...customersHistoryFr,
  // Import of web orders by date range, import problems (web-import.*.ts).
  webImport: webImportFr,
  // Outbound queue (pushes to the web stores, mails) on the sync screen (outbound.*.ts).
  outbound: outboundFr,
  // Order detail and scan-to-pick (order-detail.*.ts, issue 6).
  orderDetail: orderDetailFr,
  appName: 'Comptoir',
  loading: 'Chargement…',
  language: 'Langue',
  // V2: cart, tenders, parked sales, voids, lookup, receipts (strings in counter-fr.ts)
  // V1: sign-in, manager overrides, drawer, journal (strings in staff-fr.ts)
  // H5b: scanners, label printers, customer display (peripherals-fr.ts).
  peripherals: peripheralsFr,
  staff: staffFr,
  counter: counterFr,
  // V3: shifts, X/Z reports, returns (strings in shift-fr.ts)
  shift: shiftFr,
  returns: returnsFr,
  // H5a: devices screen, print queue (strings in devices-fr.ts)
  devices: devicesFr,
  nav: {
    sell: 'Vente',
    sales: 'Ventes',
    orders: 'Commandes',
    sync: 'Synchronisation',
    main: 'Navigation principale',
  },
  connection: {
    unpaired: 'Non appairée',
    offline: 'Hors ligne',
    connecting: 'Connexion…',
    syncing: 'Synchronisation…',
    online: 'En ligne',
    error: 'Erreur',
    label: 'État de la connexion',
  },
  header: {
    pending: (n: number): string => (n === 0 ? 'tout est synchronisé' : n === 1 ? 'document en attente' : 'documents en attente'),
    pendingTitle: 'Documents pas encore acquittés par le serveur',
    persistenceGranted: 'stockage persistant accordé',
    persistenceDenied: 'stockage persistant refusé',
    persistenceUnknown: 'stockage persistant : en attente',
    register: 'Caisse',
    lastSynced: (when: string) => `Dernière synchro : ${when}`,
  },
  lock: {
    title: 'Cette caisse est déjà ouverte dans un autre onglet',
    body: 'Une seule fenêtre peut tenir la caisse à la fois, pour que les tickets restent numérotés sans trou ni doublon.',
    takeOver: 'Prendre la main',
    takeOverHint: "L'autre onglet passera en attente.",
    starting: 'Ouverture de la caisse…',
  },
  pair: {
    title: 'Appairer cette caisse',
    intro: 'Saisissez l’adresse du serveur de la boutique et le code d’appairage affiché par l’administrateur.',
    server: 'Adresse du serveur',
    code: "Code d'appairage",
    codePlaceholder: 'ex. 482913',
    submit: 'Appairer',
    pairing: 'Appairage en cours…',
    errorServerUrl: 'Adresse du serveur invalide (ex. http://192.168.1.10:8080).',
    errorCode: "Saisissez le code d'appairage.",
    errorGeneric: (msg: string) => `Appairage impossible : ${msg}`,
  },
  sell: {
    search: 'Scanner ou rechercher un produit',
    searchPlaceholder: 'Code-barres, SKU ou nom…',
    searchHint: 'F2',
    unknownBarcode: (code: string) => `Code-barres inconnu : ${code}`,
    badCheckDigit: 'chiffre de contrôle invalide, scannez à nouveau',
    noResults: (text: string) => `Aucun produit ne correspond à « ${text} »`,
    results: (n: number) => `${n} résultat${n > 1 ? 's' : ''}`,
    emptyCart: 'Le panier est vide. Scannez un article pour commencer.',
    cart: 'Panier',
    unitPrice: 'Prix unitaire',
    quantity: 'Quantité',
    decrease: 'Diminuer la quantité',
    increase: 'Augmenter la quantité',
    remove: 'Retirer',
    removeLine: (name: string) => `Retirer ${name}`,
    clearCart: 'Vider le panier',
    net: 'Total HT',
    vat: 'TVA',
    vatAt: (rate: string) => `TVA ${rate}`,
    total: 'Total TTC',
    items: (n: number) => `${n} article${n > 1 ? 's' : ''}`,
    payCash: 'Encaisser espèces',
    searchError: (msg: string) => `Recherche impossible : ${msg}`,
  },
  tender: {
    title: 'Paiement en espèces',
    due: 'À payer',
    received: 'Montant reçu',
    quick: 'Montants rapides',
    exact: 'Compte juste',
    change: 'Rendu monnaie',
    remaining: 'Reste à payer',
    complete: 'Valider',
    completing: 'Enregistrement…',
    cancel: 'Annuler',
    invalid: {
      empty: 'Saisissez le montant reçu.',
      not_a_number: "Ce n'est pas un montant (ex. 20,00).",
      bad_grouping: 'Séparateurs de milliers mal placés (ex. 1 234,50).',
      too_many_decimals: 'Deux décimales au plus : rien n’a été arrondi.',
      out_of_range: 'Montant trop grand.',
    },
    refused: (msg: string) => `Vente refusée : ${msg}`,
  },
  receipt: {
    title: 'Ticket',
    receiptNo: 'Ticket n°',
    register: 'Caisse',
    cashier: 'Caissier',
    date: 'Date',
    qty: 'Qté',
    item: 'Article',
    amount: 'Montant',
    vatRate: 'Taux',
    net: 'HT',
    vat: 'TVA',
    gross: 'TTC',
    total: 'TOTAL TTC',
    tendered: 'Reçu',
    change: 'Rendu',
    tender: { cash: 'Espèces', card: 'Carte', voucher: 'Bon', other: 'Autre' },
    thanks: 'Merci de votre visite !',
    newSale: 'Nouvelle vente',
    print: 'Imprimer',
    close: 'Fermer',
  },
  sales: {
    title: 'Ventes',
    today: "Aujourd'hui",
    earlier: 'Plus anciennes',
    empty: 'Aucune vente pour le moment.',
    receipt: 'Ticket',
    time: 'Heure',
    total: 'Total',
    tender: 'Paiement',
  },
  // Orders screen (recall), bulk bar, new-order badge (orders.*.ts, issue 6).
  orders: ordersFr,
  sync: {
    title: 'Synchronisation',
    outbox: "File d'envoi",
    outboxIntro: 'Chaque document écrit sur cette caisse reste ici tant que le serveur ne l’a pas acquitté.',
    empty: 'Rien en attente : tout est acquitté par le serveur.',
    document: 'Document',
    state: 'État',
    since: 'Depuis',
    reason: 'Motif',
    states: { pending: 'En attente', sending: 'Envoi…', acknowledged: 'Acquitté', rejected: 'Refusé' },
    rebuild: 'Reconstruire le modèle de lecture',
    rebuildIntro: 'Efface les tables de lecture de cet appareil et les recalcule depuis la réplique locale. Aucune vente n’est perdue.',
    rebuilding: 'Reconstruction en cours…',
    rebuilt: (n: number) => `Modèle reconstruit : ${n} document${n > 1 ? 's' : ''} reprojeté${n > 1 ? 's' : ''}.`,
    rebuildFailed: (msg: string) => `Échec de la reconstruction : ${msg}`,
    status: 'État de la connexion',
    message: 'Message',
  },
  keys: { enter: 'Entrée', esc: 'Échap', plus: '+', minus: '−' },
  update: { available: 'Nouvelle version disponible', apply: 'Mettre à jour' },
  shortcuts: {
    search: 'Rechercher',
    pay: 'Encaisser',
    quantity: 'Quantité de la ligne choisie',
    clear: 'Effacer / annuler',
    title: 'Raccourcis',
  },
  errors: {
    unexpected: (msg: string) => `Erreur inattendue : ${msg}`,
  },
};

export type Messages = typeof fr;
