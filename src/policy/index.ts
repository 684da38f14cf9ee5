export * from './types';
export * from './kubernetes-version';
export * from './parse';
export * from './validate';
export * from './evaluate';
export * from './render';
export * from './request-info';
