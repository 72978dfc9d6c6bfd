/** WebSub publishing: which feeds changed between snapshots, and the hub notification. */
export { changedFeedUrls } from './changed-feeds.js'
export { notifyHub, type NotifyResult } from './notify.js'
export { publishToHub, type PublishOptions, type PublishResult } from './publish.js'
