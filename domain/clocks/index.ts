export * from './declarations';
export * from './decisions';
export * from './events';
export * from './machine';
export * from './state';
