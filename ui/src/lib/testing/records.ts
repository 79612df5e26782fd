// Records shaped like the back end's, for the unit tests: every field filled with a neutral
// value, the ones a test is about given in `over`.
import type { GoalsOverview, Initiative, Phase } from "../backend";

export function initiative(title: string, over: Partial<Initiative> = {}): Initiative {
  return {
    id: title,
    title,
    description: "",
    phaseId: null,
    goalIds: [],
    kpiIds: [],
    channelIds: [],
    owner: { stakeholderId: null, name: "" },
    team: "",
    budget: null,
    schedule: "dated",
    start: "2026-02-01",
    end: "2026-02-28",
    status: "planned",
    milestone: false,
    dependsOn: [],
    createdAt: "2026-01-01T00:00:00Z",
    updatedAt: "2026-01-01T00:00:00Z",
    ...over,
  };
}

export function phase(id: string, start: string, end: string, name = id): Phase {
  return { id, name, start, end, objective: "", createdAt: "2026-01-01T00:00:00Z", updatedAt: "2026-01-01T00:00:00Z" };
}

/** An empty goals step on 2 July 2026 holding `records` records. */
export function goalsOverview(records = 0): GoalsOverview {
  return {
    purpose: "",
    goals: {
      narrative: { memberValue: "", organisationValue: "", behaviours: "", story: "" },
      objectives: [],
      goals: [],
      kpis: [],
      measurements: [],
    },
    today: "2026-07-02",
    reports: [],
    health: { score: null, expected: null, parts: [] },
    candidates: [],
    owners: [],
    records,
    vocabulary: { categories: [], directions: [], cadences: [], statuses: [], statusRules: "" },
    edits: { objectives: {}, goals: {}, kpis: {} },
  };
}
