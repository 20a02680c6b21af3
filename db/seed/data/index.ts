import type { SeedData } from "../types";
import { facts } from "./facts";
import { meetings, participations } from "./meetings";
import { parties, topics } from "./parties";
import { people, roles } from "./people";
import { sources } from "./sources";

export const seedData: SeedData = { parties, topics, sources, people, roles, meetings, participations, facts };
