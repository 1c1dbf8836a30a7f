/** @app/config: typed settings from the environment. */
export * from './log-format';
export * from './parse-settings';
