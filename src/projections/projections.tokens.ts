export const READ_MODELS = Symbol('ReadModelDatabase');
