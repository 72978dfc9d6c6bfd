/** The static build's file list (see src/output/site-files.ts); kept at this path for its importers. */
export { siteFiles } from './output/site-files.js'
