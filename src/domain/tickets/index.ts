export * from './types';
export * from './state-machine';
export * from './priority';
export * from './history';
export * from './create-incident';
