/** The output path: the one writer of the static build's folder (see site-output.ts). */
export { SiteOutput, type OutputOptions, type OutputStats } from './site-output.js'
export { writeSite, type StaticBuildOptions } from './write-site.js'
export { siteFiles } from './site-files.js'
