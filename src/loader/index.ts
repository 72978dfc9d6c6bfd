/** The loader: seeds folder → outcomes → Catalog, through the caches and the parse workers. */
export { loadCatalog } from './load-catalog.js'
export { loadOutcomes, type LoadOptions } from './load-outcomes.js'
export { SeedCache } from './seed-cache.js'
export { loadCachedOutcomes, type CachedOutcomes } from './load-cached.js'
