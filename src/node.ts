// Node-only parts of org-history: reading histories from files and directories, the file store.

export {
  type FileStoreError,
  FileStoreException,
  formatStoreError,
  type LockOwner,
  type TornTail,
} from './store/file/errors.js'
export {
  type FileStore,
  type FileStoreOptions,
  openFileStore,
  openFileStoreOrThrow,
} from './store/file/FileStore.js'
export { type FileStat, type FileSystem, nodeFileSystem } from './store/file/fs.js'
export { type RepairOptions, type RepairReport, repairFile, repairFileOrThrow } from './store/file/repair.js'
export {
  formatVerifyProblem,
  type VerifyOptions,
  type VerifyProblem,
  type VerifyReport,
  verifyFile,
  verifyFileOrThrow,
} from './store/file/verify.js'
export { historyFiles, readHistory, readHistoryOrThrow } from './store/files.js'
