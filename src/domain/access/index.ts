export * from './access-table';
export * from './audience';
export * from './render';
