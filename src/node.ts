// Node-only parts of org-history: reading histories from files and directories.

export { historyFiles, readHistory, readHistoryOrThrow } from './store/files.js'
