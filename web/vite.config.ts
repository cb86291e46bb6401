import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';
import { appGlossary } from './glossary.ts';

export default defineConfig({
  plugins: [vue(), appGlossary()],
  base: '/',
  build: {
    target: 'es2020',
    // One script and one stylesheet: the console is small, and CSP allows only 'self'.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 400,
  },
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
  },
});
