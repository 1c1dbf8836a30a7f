/**
 * The contract between the API, the gateway, the worker, the web app and the tests: the enums a client
 * needs, the view types of every response, the board events and the typed socket.io event maps, room
 * name builders and the capability vocabulary. Pure TypeScript: no Nest, no TypeORM, no Node built-ins,
 * so Vite can bundle it into the web app.
 */
export * from './capabilities';
