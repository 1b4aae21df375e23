// The process configuration: one schema of settings (settings.ts), parsed once (vigil-config.ts) from flags and environment.
export { readEnvironment } from './environment.js';
export { LOG_LEVELS, SETTINGS, type SettingDefinition, type SettingName } from './settings.js';
export {
  debugEnabled,
  flagKey,
  loadConfig,
  type ConfigFlags,
  type Environment,
  type LogLevel,
  type TrustProxy,
  type VigilConfig,
} from './vigil-config.js';
