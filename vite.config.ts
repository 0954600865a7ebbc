import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const web = fileURLToPath(new URL('./src/web', import.meta.url));

/**
 * Libraries both apps load, each in a chunk of its own: they change less often than our pages (the browser
 * keeps them across releases), and no chunk grows past Vite's 500 kB warning as it did when all of them
 * travelled in one shared chunk. Pages themselves are split per route in PortalApp/StaffApp (React.lazy).
 */
const VENDOR_GROUPS = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
  { name: 'zod', test: /node_modules[\\/]zod[\\/]/ },
  { name: 'query', test: /node_modules[\\/]@tanstack[\\/]/ },
  { name: 'intl', test: /node_modules[\\/](react-intl|intl-messageformat|@formatjs)[\\/]/ },
  { name: 'forms', test: /node_modules[\\/](react-hook-form|@hookform)[\\/]/ },
];

// Two entry points, one build: the resident portal and the staff workbench, served by the same server.
export default defineConfig({
  root: web,
  plugins: [react()],
  base: '/',
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      input: { portal: `${web}/portal/index.html`, staff: `${web}/staff/index.html` },
      output: { codeSplitting: { groups: VENDOR_GROUPS } },
    },
  },
});
