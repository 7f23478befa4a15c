/**
 * express-pouchdb ignores `timeout` on `_changes?feed=longpoll`: an idle long poll stays open until a
 * change arrives, so idle registers pile up connections forever. This guard holds the request itself
 * (up to min(timeout, longpollMaxMs)); when a change arrives it hands the request to express-pouchdb
 * as a normal (non-live) feed, and when the time is up it answers like CouchDB does: no results and
 * the same last_seq. `feed=continuous` / `eventsource` never end and are refused.
 */
import type { NextFunction, Request, Response } from 'express';
import type { StoreDb } from './backend.ts';

export interface LongpollGuardOptions {
  maxMs: number;
  /** The server-side handle of a database name, or null when it is not one we serve. */
  dbFor(dbName: string): StoreDb | null;
}

export function longpollGuard(opts: LongpollGuardOptions) {
  let active = 0;
  const handler = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const feed = typeof req.query.feed === 'string' ? req.query.feed : undefined;
    if (feed === undefined || feed === 'normal') return next();
    if (feed !== 'longpoll') {
      res.status(400).json({ error: 'bad_request', reason: `feed=${feed} is not supported here; use feed=longpoll` });
      return;
    }
    const dbName = String(req.params.db ?? '');
    const db = opts.dbFor(dbName);
    if (!db) return next();
    const query = req.query as Record<string, unknown>;
    delete query.feed;
    delete query.heartbeat;
    try {
      const info = await db.info();
      const current = Number(info.update_seq);
      let since: number;
      if (query.since === 'now') {
        since = current;
        query.since = String(current);
      } else if (query.since === undefined) {
        since = 0;
      } else {
        since = Number(query.since);
      }
      if (!Number.isFinite(since) || !Number.isFinite(current) || current > since) return next();

      const requested = Number(query.timeout);
      const waitMs = Number.isFinite(requested) && requested > 0 ? Math.min(requested, opts.maxMs) : opts.maxMs;
      delete query.timeout;
      active++;
      await new Promise<void>((resolve) => {
        let done = false;
        const feedEmitter = db.changes({ since: current, live: true, limit: 1 });
        const finish = (outcome: 'change' | 'timeout' | 'closed' | 'error'): void => {
          if (done) return;
          done = true;
          active--;
          clearTimeout(timer);
          feedEmitter.cancel();
          res.off('close', onClose);
          resolve();
          if (outcome === 'closed') return;
          if (outcome === 'timeout') {
            res.status(200).json({ results: [], last_seq: since });
            return;
          }
          next();
        };
        const onClose = (): void => finish('closed');
        const timer = setTimeout(() => finish('timeout'), waitMs);
        feedEmitter.on('change', () => finish('change'));
        feedEmitter.on('error', () => finish('error'));
        res.on('close', onClose);
      });
    } catch (err) {
      next(err);
    }
  };
  return Object.assign(handler, { activeCount: () => active });
}
