/**
 * js-yaml's error reasons, reduced to what is safe to print. Some reasons quote the source:
 * `unknown tag !<…>`, `unidentified alias "…"`, `undeclared tag handle "…"`, `tag name cannot
 * contain such characters: …`. The quoted text can come from any line, a `secured:` value or an
 * unknown field included, and problems are printed by `check`, logged by `build` and `serve`,
 * and kept in the cache. So every quoted part is replaced with `…`, except the few words that
 * come from js-yaml itself (node kinds) and the tags of other YAML dialects, which tell a writer
 * why a well-known construct (`!!js/function`) is refused.
 */

/** Tags js-yaml's full schema (or PyYAML, Ruby) knows; they carry no text of the seed. */
const KNOWN_TAGS = new Set(
  ['js/function', 'js/regexp', 'js/undefined', 'python/object', 'python/name', 'python/module', 'ruby/object'].map((t) => `tag:yaml.org,2002:${t}`),
)
/** Words js-yaml itself puts in quotes (`it should be "scalar", not "mapping"`). */
const KIND_WORDS = new Set(['scalar', 'sequence', 'mapping'])

/** The reason with every piece of quoted source text replaced by `…`. */
export function safeYamlReason(reason: string): string {
  return reason
    .replace(/!<([^>]*)>/g, (all, tag: string) => (KNOWN_TAGS.has(tag) ? all : '!<…>'))
    .replace(/"([^"]*)"/g, (all, word: string) => (KIND_WORDS.has(word) ? all : '"…"'))
    .replace(/'[^']*'/g, "'…'")
    // `…: <the offending text>`: keep the sentence, drop what follows the colon.
    .replace(/: .*$/, '')
    .slice(0, 200)
}
