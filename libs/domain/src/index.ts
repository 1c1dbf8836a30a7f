/** @app/domain: the pure resettlement rules. No Nest, no I/O. */
export * from './prisons';
export * from './release-areas';
export * from './roles';
export * from './pathways';
export * from './woman';
export * from './assessments';
export * from './tasks';
export * from './task-template';
