/// <reference lib="webworker" />
// The sync worker's entry: wiring only. Everything it does lives in sync-service.ts and friends.
import * as Comlink from 'comlink';
import { createSyncService } from './sync-service.ts';

Comlink.expose(createSyncService());
