/// <reference lib="webworker" />
// The reports worker's entry: wiring only. Everything it does lives in reports-service.ts.
import * as Comlink from 'comlink';
import { createReportsService } from './reports-service.ts';

Comlink.expose(createReportsService());
