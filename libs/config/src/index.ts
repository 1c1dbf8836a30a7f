/** @app/config: typed settings from the environment. */
export * from './parse-settings';
