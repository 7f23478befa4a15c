/** Import of web orders by date range and the import problems list (ImportScreen). */
export const webImportFr = {
  link: 'Importer des commandes web…',
  title: 'Importer les commandes web',
  intro: 'Importe les commandes passées sur les boutiques en ligne entre deux dates. Une commande déjà présente n’est jamais importée deux fois.',
  range: (from: string, to: string) => `Importer les commandes web du ${from} au ${to}`,
  from: 'Du',
  to: 'au',
  start: 'Importer',
  running: 'Import en cours…',
  progress: (done: number, total: number) => `${done} / ${total} commande${total > 1 ? 's' : ''}`,
  summary: (imported: number, unchanged: number) => `${imported} importée${imported > 1 ? 's' : ''} ou mise${imported > 1 ? 's' : ''} à jour, ${unchanged} déjà à jour.`,
  states: { running: 'En cours', done: 'Terminé', failed: 'Échec', interrupted: 'Interrompu (serveur redémarré)' },
  errors: 'Erreurs',
  problemsTitle: 'Problèmes d’import',
  problemsEmpty: 'Aucun problème : toutes les commandes web correspondent au catalogue.',
  order: 'Commande',
  platform: 'Boutique',
  problem: 'Problème',
  problemText: (code: string) => {
    const [kind, ...rest] = code.split(':');
    const detail = rest.join(':');
    if (kind === 'unknown_sku') return `Référence inconnue du catalogue : ${detail}`;
    if (kind === 'no_sku') return `Article sans référence : ${detail}`;
    return code;
  },
};
