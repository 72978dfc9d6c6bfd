/**
 * The one convention for naming a seed in `check` (and build/serve) output: the seeds folder as
 * given, joined with the file's path inside it (`seeds/x.md`). That is a path from where the
 * command ran, so it opens as it is in an editor, a shell or a CI annotation, in text and JSON
 * alike; a path relative to the seeds folder would need the `seeds` field to be usable.
 */
export function seedPath(seedsDir: string, file: string): string {
  return `${seedsDir.replace(/\/+$/, '')}/${file}`
}
