/** Free space where the process writes (DATA_DIR: the embedded database and local uploads). Issue 13. */
export interface DiskSpace {
  /** True when less than the configured minimum is free: refuse writes that would fill the disk. */
  low(): Promise<boolean>;
}
