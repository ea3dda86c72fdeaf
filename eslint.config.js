import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores(['dist/', 'data/', 'test-artifacts/', '.astro/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs.recommended,
  { files: ['*.{js,mjs}'], languageOptions: { globals: globals.node } },
  { files: ['public/**/*.js', 'src/snapshot/snapshot-age.js'], languageOptions: { globals: globals.browser } },
);
