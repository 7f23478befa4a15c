/**
 * The demo catalogue: about 300 French products built from families (a noun × its variants × its
 * sizes). Everything is deterministic: SKUs, EAN-13 barcodes (prefix 376 = France, valid check digit),
 * prices (integer cents, tax-inclusive) and stock counts come from the position in the list and a
 * seeded PRNG, so every run produces byte-identical documents.
 */
import { withCheckDigit } from '../../src/domain/barcode.ts';
import type { ProductDoc, VatRateBp } from '../../src/domain/documents.ts';
import { money } from '../../src/domain/money.ts';

export const SEED_TIME = '2026-01-05T08:00:00.000Z';

interface Family {
  category: 'épicerie' | 'boissons' | 'frais' | 'hygiène' | 'maison';
  vat: VatRateBp;
  /** Name pattern: "{v}" is replaced by the variant, "{s}" by the size. */
  pattern: string;
  variants: string[];
  sizes: string[];
  /** Price range in cents for the first size; later sizes scale up. */
  price: [number, number];
}

const FOOD = 550;
const STANDARD = 2000;
const INTERMEDIATE = 1000;

const FAMILIES: Family[] = [
  // Épicerie (5,5 %)
  { category: 'épicerie', vat: FOOD, pattern: 'Confiture {v} {s}', variants: ["d'abricot", 'de fraise', 'de framboise', 'de cerise noire', 'de figue', "d'orange amère", 'de mirabelle', 'de myrtille'], sizes: ['370 g'], price: [320, 590] },
  { category: 'épicerie', vat: FOOD, pattern: 'Café moulu {v} {s}', variants: ['Brésil', 'Colombie', 'Éthiopie', 'Pérou', 'Guatemala', 'Honduras'], sizes: ['250 g'], price: [450, 790] },
  { category: 'épicerie', vat: FOOD, pattern: 'Café en grains {v} {s}', variants: ['Brésil', 'Colombie', 'Éthiopie', 'Mexique'], sizes: ['500 g', '1 kg'], price: [850, 1290] },
  { category: 'épicerie', vat: FOOD, pattern: 'Thé {v} {s}', variants: ['vert Sencha', 'noir Darjeeling', 'Earl Grey', 'rooibos vanille', 'menthe Gunpowder', 'blanc Pai Mu Tan'], sizes: ['100 g'], price: [490, 890] },
  { category: 'épicerie', vat: FOOD, pattern: '{v} {s}', variants: ['Spaghetti', 'Penne rigate', 'Fusilli', 'Coquillettes', 'Tagliatelles', 'Farfalle', 'Linguine'], sizes: ['500 g', '1 kg'], price: [129, 249] },
  { category: 'épicerie', vat: FOOD, pattern: 'Riz {v} {s}', variants: ['basmati', 'thaï parfumé', 'complet', 'arborio', 'de Camargue'], sizes: ['500 g', '1 kg'], price: [189, 349] },
  { category: 'épicerie', vat: FOOD, pattern: 'Huile {v} {s}', variants: ["d'olive vierge extra", 'de tournesol', 'de colza', 'de noix', 'de sésame'], sizes: ['50 cl', '1 L'], price: [299, 899] },
  { category: 'épicerie', vat: FOOD, pattern: '{v} {s}', variants: ['Sablés au beurre', 'Galettes bretonnes', 'Palets pur beurre', 'Madeleines de Commercy', 'Crêpes dentelle', 'Biscuits à la cuillère'], sizes: ['125 g', '250 g'], price: [199, 389] },
  { category: 'épicerie', vat: FOOD, pattern: 'Chocolat {v} {s}', variants: ['noir 70 %', 'au lait', 'blanc', 'noir noisettes', 'au lait amandes', 'noir orange', 'noir 85 %'], sizes: ['100 g'], price: [189, 349] },
  { category: 'épicerie', vat: FOOD, pattern: 'Miel {v} {s}', variants: ['de lavande', "d'acacia", 'de châtaignier', 'toutes fleurs', 'de montagne'], sizes: ['250 g', '500 g'], price: [590, 990] },
  { category: 'épicerie', vat: FOOD, pattern: 'Farine {v} {s}', variants: ['de blé T45', 'de blé T55', 'de blé T65', 'de seigle T130', 'de sarrasin'], sizes: ['1 kg'], price: [139, 329] },
  { category: 'épicerie', vat: FOOD, pattern: '{v} {s}', variants: ['Lentilles vertes du Puy', 'Pois chiches', 'Haricots blancs', 'Lentilles corail', 'Flageolets', 'Pois cassés'], sizes: ['500 g'], price: [199, 369] },
  { category: 'épicerie', vat: FOOD, pattern: 'Moutarde {v} {s}', variants: ['de Dijon', "à l'ancienne", 'au miel', "à l'estragon"], sizes: ['210 g'], price: [169, 289] },
  { category: 'épicerie', vat: FOOD, pattern: '{v} {s}', variants: ['Sel de Guérande', 'Fleur de sel', 'Poivre noir en grains', 'Herbes de Provence', "Piment d'Espelette"], sizes: ['100 g'], price: [249, 790] },
  { category: 'épicerie', vat: FOOD, pattern: 'Sardines {v} {s}', variants: ["à l'huile d'olive", 'au citron', 'à la tomate', 'piment'], sizes: ['115 g'], price: [290, 490] },
  { category: 'épicerie', vat: FOOD, pattern: 'Soupe {v} {s}', variants: ['de potiron', 'de poissons', 'de légumes du jardin', 'de tomates'], sizes: ['1 L'], price: [299, 549] },
  { category: 'épicerie', vat: FOOD, pattern: 'Compote {v} {s}', variants: ['pomme', 'pomme-poire', 'pomme-fraise', 'pomme-vanille'], sizes: ['4 × 100 g'], price: [179, 289] },
  { category: 'épicerie', vat: FOOD, pattern: '{v} {s}', variants: ['Muesli aux fruits secs', "Flocons d'avoine", 'Granola au chocolat', 'Pétales de maïs'], sizes: ['500 g'], price: [189, 449] },
  { category: 'épicerie', vat: FOOD, pattern: '{v} {s}', variants: ['Cassoulet au confit de canard', 'Choucroute garnie', 'Petit salé aux lentilles', 'Ratatouille provençale', 'Haricots verts extra-fins', 'Petits pois carottes'], sizes: ['420 g', '840 g'], price: [229, 689] },
  // Boissons
  { category: 'boissons', vat: FOOD, pattern: 'Sirop {v} {s}', variants: ['de menthe', 'de grenadine', 'de citron', 'de fraise', "d'orgeat", 'de violette'], sizes: ['70 cl'], price: [289, 459] },
  { category: 'boissons', vat: FOOD, pattern: 'Jus {v} {s}', variants: ['de pomme', "d'orange", 'de raisin', "d'ananas", 'de pamplemousse', 'de poire', 'multifruit'], sizes: ['1 L'], price: [229, 399] },
  { category: 'boissons', vat: FOOD, pattern: 'Eau minérale {v} {s}', variants: ['plate', 'gazeuse', 'légèrement pétillante'], sizes: ['50 cl', '1,5 L'], price: [59, 129] },
  { category: 'boissons', vat: FOOD, pattern: 'Limonade {v} {s}', variants: ['artisanale', 'au citron', 'à la framboise', 'à la fleur de sureau'], sizes: ['33 cl', '75 cl'], price: [189, 349] },
  { category: 'boissons', vat: STANDARD, pattern: 'Vin {v} {s}', variants: ['rouge Côtes du Rhône', 'rouge Bordeaux', 'blanc Muscadet', 'blanc Chablis', 'rosé de Provence', 'rouge Beaujolais'], sizes: ['75 cl'], price: [590, 1890] },
  { category: 'boissons', vat: STANDARD, pattern: 'Bière {v} {s}', variants: ['blonde', 'ambrée', 'blanche', 'IPA', 'brune'], sizes: ['33 cl', '75 cl'], price: [219, 489] },
  { category: 'boissons', vat: STANDARD, pattern: 'Cidre {v} {s}', variants: ['brut de Normandie', 'doux de Bretagne', 'rosé'], sizes: ['75 cl'], price: [349, 549] },
  { category: 'boissons', vat: INTERMEDIATE, pattern: '{v} à emporter', variants: ['Expresso', 'Café allongé', 'Cappuccino', 'Café crème', 'Chocolat chaud', 'Thé infusé'], sizes: [''], price: [150, 390] },
  // Frais (5,5 %, plats préparés 10 %)
  { category: 'frais', vat: FOOD, pattern: 'Yaourt {v} {s}', variants: ['nature', 'à la vanille', 'aux fruits rouges', 'au citron', 'brassé'], sizes: ['4 × 125 g'], price: [189, 289] },
  { category: 'frais', vat: FOOD, pattern: '{v} {s}', variants: ['Comté 12 mois', 'Camembert de Normandie', 'Brie de Meaux', 'Roquefort', 'Tomme de Savoie', 'Chèvre frais', 'Reblochon'], sizes: ['200 g'], price: [349, 749] },
  { category: 'frais', vat: FOOD, pattern: 'Beurre {v} {s}', variants: ['doux', 'demi-sel', 'aux cristaux de sel'], sizes: ['250 g'], price: [259, 399] },
  { category: 'frais', vat: FOOD, pattern: '{v} {s}', variants: ['Crème fraîche épaisse', 'Crème liquide entière', 'Lait demi-écrémé', 'Lait entier', 'Lait ribot'], sizes: ['1 L'], price: [109, 329] },
  { category: 'frais', vat: FOOD, pattern: 'Œufs {v} {s}', variants: ['plein air', 'bio', 'de poules élevées au sol'], sizes: ['× 6', '× 12'], price: [219, 389] },
  { category: 'frais', vat: FOOD, pattern: '{v} {s}', variants: ['Jambon blanc', 'Jambon cru', 'Rillettes du Mans', 'Pâté de campagne', 'Saucisson sec'], sizes: ['4 tranches', '200 g'], price: [299, 649] },
  { category: 'frais', vat: INTERMEDIATE, pattern: 'Sandwich {v}', variants: ['jambon-beurre', 'poulet crudités', 'thon mayonnaise', 'chèvre miel', 'végétarien'], sizes: [''], price: [390, 590] },
  { category: 'frais', vat: INTERMEDIATE, pattern: 'Salade {v}', variants: ['niçoise', 'César', 'de lentilles', 'grecque'], sizes: [''], price: [550, 790] },
  { category: 'frais', vat: INTERMEDIATE, pattern: 'Quiche {v}', variants: ['lorraine', 'aux poireaux', 'saumon épinards'], sizes: ['part'], price: [350, 480] },
  // Hygiène (20 %)
  { category: 'hygiène', vat: STANDARD, pattern: 'Savon de Marseille {v} {s}', variants: ['olive', 'lavande', "fleur d'oranger", 'nature'], sizes: ['100 g', '300 g'], price: [290, 690] },
  { category: 'hygiène', vat: STANDARD, pattern: 'Shampooing {v} {s}', variants: ['doux', 'cheveux secs', 'antipelliculaire', 'au miel'], sizes: ['250 ml'], price: [349, 690] },
  { category: 'hygiène', vat: STANDARD, pattern: 'Gel douche {v} {s}', variants: ['amande douce', 'verveine', 'fleur de coton', 'agrumes'], sizes: ['250 ml'], price: [249, 490] },
  { category: 'hygiène', vat: STANDARD, pattern: 'Dentifrice {v} {s}', variants: ['menthe fraîche', 'au charbon', 'enfants fraise'], sizes: ['75 ml'], price: [199, 390] },
  { category: 'hygiène', vat: STANDARD, pattern: 'Brosse à dents {v}', variants: ['souple', 'médium', 'en bambou'], sizes: [''], price: [199, 450] },
  { category: 'hygiène', vat: STANDARD, pattern: 'Déodorant {v} {s}', variants: ['pierre d’alun', 'bille fraîcheur', 'crème naturelle'], sizes: ['50 ml'], price: [349, 790] },
  { category: 'hygiène', vat: STANDARD, pattern: 'Crème mains {v} {s}', variants: ['au karité', "à l'amande", "au lait d'ânesse"], sizes: ['75 ml'], price: [390, 890] },
  // Maison (20 %)
  { category: 'maison', vat: STANDARD, pattern: 'Ampoule LED {v}', variants: ['E27 60 W', 'E14 40 W', 'GU10 50 W'], sizes: [''], price: [390, 790] },
  { category: 'maison', vat: STANDARD, pattern: 'Liquide vaisselle {v} {s}', variants: ['citron', 'vinaigre de pomme', 'sans parfum'], sizes: ['500 ml'], price: [189, 349] },
  { category: 'maison', vat: STANDARD, pattern: '{v}', variants: ['Éponges grattantes × 3', 'Sacs poubelle 30 L × 20', 'Sacs poubelle 50 L × 10', 'Allumettes longues', 'Papier cuisson 8 m', 'Film alimentaire 30 m', 'Torchon en lin', 'Pinces à linge × 24'], sizes: [''], price: [149, 990] },
  { category: 'maison', vat: STANDARD, pattern: 'Lessive {v} {s}', variants: ['liquide au savon de Marseille', 'en poudre', 'hypoallergénique'], sizes: ['1,5 L'], price: [590, 1090] },
  { category: 'maison', vat: STANDARD, pattern: 'Bougie parfumée {v}', variants: ['figuier', 'cèdre', 'lavande', 'vanille', 'feu de bois'], sizes: [''], price: [890, 1990] },
  { category: 'maison', vat: STANDARD, pattern: 'Nettoyant {v} {s}', variants: ['multi-usages', 'sol au savon noir', 'vitres', 'vinaigre blanc'], sizes: ['750 ml', '1 L'], price: [199, 449] },
];

const CATEGORY_CODE: Record<Family['category'], string> = {
  'épicerie': 'EPI',
  boissons: 'BOI',
  frais: 'FRA',
  'hygiène': 'HYG',
  maison: 'MAI',
};

/** mulberry32: a tiny seeded PRNG; fine for demo prices, never for secrets. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** "Beurre doux 250 g"-style names; collapses the double space left by an empty size. */
function nameOf(f: Family, variant: string, size: string): string {
  return f.pattern.replace('{v}', variant).replace('{s}', size).replace(/\s+/g, ' ').trim();
}

/** EAN-13 from a French prefix (376), a demo company number and the item index. */
export function demoEan13(index: number): string {
  return withCheckDigit(`3760421${String(index).padStart(5, '0')}`);
}

export interface DemoProduct {
  doc: ProductDoc;
  initialStock: number;
}

export function demoProducts(): DemoProduct[] {
  const rand = prng(20260105);
  const out: DemoProduct[] = [];
  const perCategory = new Map<string, number>();
  for (const f of FAMILIES) {
    for (const variant of f.variants) {
      f.sizes.forEach((size, sizeIndex) => {
        const n = (perCategory.get(f.category) ?? 0) + 1;
        perCategory.set(f.category, n);
        const sku = `${CATEGORY_CODE[f.category]}-${String(n).padStart(4, '0')}`;
        const [lo, hi] = f.price;
        const base = lo + Math.floor(rand() * (hi - lo + 1));
        // Larger sizes cost more; prices end in 9 or 5 like shelf prices do.
        const scaled = Math.round(base * (1 + sizeIndex * 0.8));
        const price = Math.max(50, scaled - (scaled % 10) + (rand() < 0.7 ? 9 : 5));
        const doc: ProductDoc = {
          _id: `product:${sku}`,
          type: 'product',
          sku,
          name: nameOf(f, variant, size),
          barcodes: [demoEan13(out.length + 1)],
          price: money(price),
          priceIncludesTax: true,
          vatRate: f.vat,
          currency: 'EUR',
          category: f.category,
          stockTracked: f.vat !== INTERMEDIATE || f.category !== 'boissons',
          updatedAt: SEED_TIME,
        };
        out.push({ doc, initialStock: doc.stockTracked ? 4 + Math.floor(rand() * 60) : 0 });
      });
    }
  }
  return out;
}
