/**
 * Failure hooks for the test suite (an error page, a stopped PDF pool). They exist only when
 * CHANCERY_TEST_HOOKS=1 is set explicitly — never by default, never in a deployment — and
 * answer 404 otherwise.
 */
export function testHooksEnabled(): boolean {
  return process.env.CHANCERY_TEST_HOOKS === "1";
}
