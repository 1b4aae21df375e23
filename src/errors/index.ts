// The error registry and error class, re-exported for convenient imports.
export * from './registry.js';
export * from './vigil-error.js';
