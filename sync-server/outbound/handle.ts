/**
 * Runs one claimed job: a platform push (platforms/<platform>/push.ts through the store's link) or a
 * mail (mail/mailer.ts). Decides nothing about retries: it returns the outcome, the runner records it.
 * A product (price and name) job whose payload does not hold up is refused for good, naming the
 * field: sending it would put a wrong price or title on the web store.
 */
import type { Platform, WebOrderDoc } from '../../src/domain/documents.ts';
import type { StoreDb } from '../db/backend.ts';
import { sendMailJob, SMTP_NOT_CONFIGURED, type Mailer } from '../mail/mailer.ts';
import { bigcommercePush } from '../platforms/bigcommerce/push.ts';
import { shopifyPush } from '../platforms/shopify/push.ts';
import { woocommercePush } from '../platforms/woocommerce/push.ts';
import { hasPushCredentials, PlatformApi, PushError, type PushLink } from './http.ts';
import { parsePricePayload, type OrderEventPayload, type PlatformJobDoc, type PricePayload, type StockLevelPayload } from './jobs.ts';
import type { AttemptOutcome } from './queue.ts';
import type { PlatformPusher } from './push-types.ts';
import type { JobHandler } from './runner.ts';

export const PUSHERS: Readonly<Record<Platform, PlatformPusher>> = {
  shopify: shopifyPush,
  woocommerce: woocommercePush,
  bigcommerce: bigcommercePush,
};

export interface HandlerDeps {
  links: (storeId: string) => PushLink[];
  mailer: Mailer | null;
  pushTimeoutMs: number;
}

async function webOrder(db: StoreDb, id: string): Promise<WebOrderDoc | null> {
  try {
    return (await db.get(id)) as unknown as WebOrderDoc;
  } catch {
    return null;
  }
}

export function createHandler(deps: HandlerDeps): JobHandler {
  const memos = new Map<string, Map<string, unknown>>();
  return async (job, ctx): Promise<AttemptOutcome> => {
    if (job.channel === 'mail') {
      if (!deps.mailer) return { ok: false, error: SMTP_NOT_CONFIGURED, permanent: false };
      return sendMailJob(deps.mailer, job, ctx.storeId, ctx.db);
    }
    const pj = job as PlatformJobDoc;
    const link = deps.links(ctx.storeId).find((l) => l.platform === pj.platform);
    if (!link) return { ok: false, error: `store "${ctx.storeId}" has no ${pj.platform} link (configure it, then retry)`, permanent: true };
    if (!hasPushCredentials(link)) return { ok: false, error: `the ${pj.platform} link of store "${ctx.storeId}" has no API credentials (configure them, then retry)`, permanent: true };
    const memoKey = `${ctx.storeId}:${link.platform}:${link.apiUrl}`;
    let memo = memos.get(memoKey);
    if (!memo) memos.set(memoKey, (memo = new Map()));
    const pushCtx = {
      api: new PlatformApi(link, deps.pushTimeoutMs),
      job: pj,
      verify: ctx.resumed || pj.attempts > 1,
      key: (step: string) => `${pj.idempotencyKey}/${step}`,
      memo,
    };
    const pusher = PUSHERS[pj.platform];
    let product: PricePayload | null = null;
    if (pj.kind === 'price') {
      const parsed = parsePricePayload(pj.payload);
      if (!parsed.ok) return { ok: false, error: `malformed product job ${pj._id}: ${parsed.error}`, permanent: true };
      product = parsed.value;
    }
    try {
      const out =
        pj.kind === 'stock_level'
          ? await pusher.stockLevel(pushCtx, pj.payload as StockLevelPayload)
          : pj.kind === 'price'
            ? await pusher.price(pushCtx, product!)
            : await pusher.orderEvent(pushCtx, pj.kind, pj.payload as OrderEventPayload, await webOrder(ctx.db, (pj.payload as OrderEventPayload).orderId));
      return { ok: true, result: out.result, ...(out.skipped ? { skipped: true } : {}) };
    } catch (err) {
      if (err instanceof PushError) return { ok: false, error: err.message, permanent: err.permanent };
      throw err;
    }
  };
}
