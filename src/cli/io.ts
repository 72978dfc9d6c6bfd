/** Moved to src/io.ts (a leaf that live/ imports too); kept so cli/ imports stay as they are. */
export type { Io } from '../io.js'
