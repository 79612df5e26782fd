// The initiative table's sorting and filtering: which rows show, in which order.

import type { Initiative, InitiativeStatus } from "../../backend";

export type SortKey = "title" | "phase" | "owner" | "start" | "end" | "status" | "budget";

export interface TableQuery {
  text: string;
  status: InitiativeStatus | "";
  phaseId: string | "" | "none";
  sort: SortKey;
  descending: boolean;
}

export const blankQuery = (): TableQuery => ({ text: "", status: "", phaseId: "", sort: "start", descending: false });

const STATUS_ORDER: Record<InitiativeStatus, number> = { planned: 0, inProgress: 1, done: 2, parked: 3 };

/** The rows to show. `phaseName` gives a phase's name for sorting; undated rows sort after dated ones by date. */
export function tableRows(list: Initiative[], q: TableQuery, phaseName: (id: string | null) => string): Initiative[] {
  const needle = q.text.trim().toLowerCase();
  const rows = list.filter(
    (i) =>
      (!needle || [i.title, i.description, i.owner.name, i.team].some((t) => t.toLowerCase().includes(needle))) &&
      (!q.status || i.status === q.status) &&
      (!q.phaseId || (q.phaseId === "none" ? i.phaseId === null : i.phaseId === q.phaseId)),
  );
  const when = (i: Initiative, d: string | null) => (i.schedule === "dated" ? `0${d}` : i.schedule === "next" ? "1" : "2");
  const key = (i: Initiative): string | number => {
    switch (q.sort) {
      case "title":
        return i.title.toLowerCase();
      case "phase":
        return phaseName(i.phaseId).toLowerCase();
      case "owner":
        return i.owner.name.toLowerCase() || "\uffff";
      case "start":
        return when(i, i.start);
      case "end":
        return when(i, i.end);
      case "status":
        return STATUS_ORDER[i.status];
      case "budget":
        return i.budget ? i.budget.minor : -1;
    }
  };
  const sign = q.descending ? -1 : 1;
  return rows
    .map((i) => ({ i, k: key(i) }))
    .sort((a, b) => sign * (a.k < b.k ? -1 : a.k > b.k ? 1 : 0) || a.i.title.localeCompare(b.i.title))
    .map((x) => x.i);
}
