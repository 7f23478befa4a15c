import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';
import { VitePWA } from 'vite-plugin-pwa';

/** Paths that belong to the sync server: never answered by the service worker, never cached. */
const SERVER_PATHS = /^\/(db|api|healthz|webhooks)(\/|$)/;
const SERVER = 'http://localhost:8080';

export default defineConfig({
  plugins: [
    solid(),
    VitePWA({
      strategies: 'generateSW',
      // prompt, not autoUpdate: a new version must never reload the page in the middle of a sale; the
      // header offers "Mettre à jour" and the cashier applies it between two customers.
      registerType: 'prompt',
      // src/main.tsx registers through virtual:pwa-register; no injected script.
      injectRegister: false,
      filename: 'sw.js',
      scope: '/',
      manifestFilename: 'manifest.webmanifest',
      // public/ (icons, favicon) is already matched by globPatterns below; listing it again here would
      // only duplicate precache entries. The plugin adds manifest.webmanifest itself.
      includeAssets: [],
      includeManifestIcons: false,
      manifest: {
        id: '/',
        name: 'Comptoir',
        short_name: 'Comptoir',
        description: 'Caisse enregistreuse hors ligne pour boutiques qui vendent aussi en ligne',
        lang: 'fr',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        theme_color: '#0f6e6e',
        background_color: '#f4f6f7',
        categories: ['business', 'productivity'],
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // The whole app shell: index.html, every JS chunk (including the sync worker chunk and any
        // lazily imported screen), CSS, WebAssembly, icons, fonts and the manifest.
        globPatterns: ['**/*.{html,js,mjs,css,wasm,svg,png,ico,woff2}'],
        globIgnores: ['**/node_modules/**', 'sw.js', 'workbox-*.js'],
        maximumFileSizeToCacheInBytes: 10 * 1024 * 1024,
        cleanupOutdatedCaches: true,
        // The first install controls the open page at once (offline-ready without a reload); later
        // versions wait until the cashier accepts the update (updateSW(true) posts SKIP_WAITING).
        clientsClaim: true,
        skipWaiting: false,
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [SERVER_PATHS],
        // No runtimeCaching: /db/ and /api/ (replication, pairing) always go to the network.
        runtimeCaching: [],
      },
      devOptions: { enabled: false },
    }),
  ],
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    target: 'es2022',
    sourcemap: true,
  },
  server: {
    port: 5173,
    proxy: {
      '/db': { target: SERVER, changeOrigin: true },
      '/api': { target: SERVER, changeOrigin: true },
      '/healthz': { target: SERVER, changeOrigin: true },
    },
  },
  preview: {
    proxy: {
      '/db': { target: SERVER, changeOrigin: true },
      '/api': { target: SERVER, changeOrigin: true },
      '/healthz': { target: SERVER, changeOrigin: true },
    },
  },
});
