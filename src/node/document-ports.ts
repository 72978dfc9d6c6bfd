/** The Node composition roots' ports for making documents: zlib compression and node:crypto hashing. */
import type { DocumentPorts } from '../documents/document.js'
import { nodeCompressor, type CompressionLevels } from './compress.js'
import { nodeDigest } from './digest.js'

/** `new Site(catalog, { config, ...nodePorts() })` on Node. */
export function nodePorts(levels?: CompressionLevels): DocumentPorts {
  return { compressor: nodeCompressor(levels), digest: nodeDigest }
}
