/** Feedstand's name and version, as written in every feed's generator element (a test keeps it equal to package.json). */
export const NAME = 'Feedstand'
export const VERSION = '0.1.0'
export const GENERATOR = `${NAME} ${VERSION}`
