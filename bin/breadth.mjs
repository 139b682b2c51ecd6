#!/usr/bin/env node
// Package entry point: the CLI is TypeScript, run through tsx's loader.
import { register } from 'tsx/esm/api';

register();
const { run, ignoreClosedPipe } = await import('../cli/main.ts');
ignoreClosedPipe();
process.exitCode = run(process.argv.slice(2));
