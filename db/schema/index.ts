export * from "./parties";
export * from "./sources";
export * from "./people";
export * from "./meetings";
export * from "./facts";
export * from "./users";
export * from "./briefings";
export * from "./audit";
