import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const web = fileURLToPath(new URL('./src/web', import.meta.url));

// Two entry points, one build: the resident portal and the staff workbench, served by the same server.
export default defineConfig({
  root: web,
  plugins: [react()],
  base: '/',
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      input: { portal: `${web}/portal/index.html`, staff: `${web}/staff/index.html` },
    },
  },
});
