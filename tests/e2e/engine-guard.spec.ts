import { expect, test } from "@playwright/test";
import { ENGINE } from "@/db/engine";
import { testEngine } from "../helpers/pg-databases";
import { e2eDb, makeUser, signIn } from "./fixtures";

// The browser suite runs twice in CI, once per engine (CHANCERY_TEST_ENGINE). A run whose server
// or fixtures quietly fell back to SQLite would test SQLite twice and pass: this file fails it.

test("the fixtures' database is on the engine under test", async () => {
  expect(ENGINE).toBe(testEngine());
  expect(e2eDb().engine).toBe(testEngine());
});

test("the server answers from that same database: a user made there signs in", async ({ page }) => {
  const user = await makeUser("staff");
  await signIn(page, user);
  await expect(page.getByTestId("signed-in-as")).toContainText(user.name);
});
