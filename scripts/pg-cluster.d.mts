/** Types of scripts/pg-cluster.mjs for the TypeScript that imports it (tests/helpers/pg-cluster.ts). */
export declare class PostgresMissingError extends Error {}
export declare function postgresBinDir(): string;
export declare function startCluster(options?: { ownerPid?: number; bin?: string }): {
  dir: string;
  url: string;
  bin: string;
};
export declare function stopCluster(dir: string, options?: { bin?: string }): void;
