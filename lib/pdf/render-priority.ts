/**
 * The render threads' nice value (0 normal, 19 lowest): they yield the CPU to the thread that
 * serves pages, so a page does not wait for a PDF (render-worker.ts sets it, on Linux only).
 */
export const RENDER_THREAD_NICE = 10;
