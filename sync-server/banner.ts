/** The pairing code, printed big and clear for the person setting up a register. */
import os from 'node:os';
import { formatPairingCode } from './auth/credentials.ts';

export interface BannerInput {
  pairingCode: string;
  storeId: string;
  registerName: string;
  registerId: string;
  expiresAt: string;
  urls: string[];
}

export function pairingBanner(b: BannerInput): string {
  const code = formatPairingCode(b.pairingCode).split('').join(' ');
  const rule = '='.repeat(64);
  return [
    '',
    rule,
    `  Pairing code for register "${b.registerName}" (${b.registerId}) of store "${b.storeId}":`,
    '',
    `        ${code}`,
    '',
    `  Open the app on the register and enter this code:`,
    ...b.urls.map((u) => `        ${u}`),
    `  Single use; expires ${b.expiresAt}.`,
    rule,
    '',
  ].join('\n');
}

/** URLs a person can open to reach a server listening on host:port. */
export function reachableUrls(host: string, port: number): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [`http://${host.includes(':') ? `[${host}]` : host}:${port}/`];
  const urls = [`http://localhost:${port}/`];
  for (const list of Object.values(os.networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) urls.push(`http://${a.address}:${port}/`);
  }
  return urls;
}
