import pino, { type Logger } from "pino";

/**
 * The one logger: JSON lines on stdout (level, time, msg and fields), so a log collector can
 * index them and a user's error reference (request id or digest) finds its line. Kept on
 * globalThis: Next loads this module in several bundles, and they should share one stream.
 * LOG_LEVEL picks the level (default info).
 */
const globalForLog = globalThis as unknown as { chanceryLog?: Logger };

export const log: Logger = (globalForLog.chanceryLog ??= pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: "chancery" },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
}));
