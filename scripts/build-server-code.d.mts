/** Types of scripts/build-server-code.mjs for the TypeScript that imports it (tests). */
export declare const APP_DIR: string;
export declare const OPERATOR_SCRIPTS: string[];
export declare function defaultOutDir(appDir?: string): string;
export declare function buildServerCode(options?: {
  appDir?: string;
  outDir?: string;
  scripts?: string[];
}): Promise<string[]>;
