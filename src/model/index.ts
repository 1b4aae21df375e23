// Shared domain types, re-exported.
export * from './grading.js';
export * from './observation.js';
export * from './observation-id.js';
export * from './observation-schema.js';
export * from './assessment.js';
export * from './probability-format.js';
export * from './number-format.js';
