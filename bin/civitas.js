#!/usr/bin/env node
// Runs the TypeScript CLI directly through Node's type stripping (Node 24 from the pinned `node` package).
import '../src/server/cli/main.ts';
