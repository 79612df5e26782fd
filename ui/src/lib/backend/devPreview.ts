// Development only: an in-memory stand-in for the Rust back end, so the screens can be looked
// at in a plain browser (`npm run dev`, then http://localhost:5173/). main.ts imports this
// behind `import.meta.env.DEV`, so it is absent from production builds.
//
// URL switches: ?empty (no workbooks), ?open (open the first workbook at start-up),
// ?readonly (the opened workbook is read-only), ?section=<overview|audit|...|documents>,
// ?refuse=<field> (type an empty name / an over-long value into that field to show a refusal).

import { mockIPC } from "@tauri-apps/api/mocks";
import type { AppState } from "../state/app.svelte";
import type { ProfileField, Section } from "../state/workbook.svelte";
import type {
  AppError,
  AuditOverview,
  ExportOptions,
  OpenedWorkbook,
  Profile,
  ProfileEdit,
  SectionInfo,
  StepCount,
  WorkbookSummary,
} from "./types";

const DAY = 86_400_000;

function iso(msAgo: number): string {
  return new Date(Date.now() - msAgo).toISOString();
}

function refuse(message: string, field: string | null, code: AppError["code"] = "invalid"): never {
  throw { code, message, field } satisfies AppError;
}

const SECTIONS: Record<string, SectionInfo[]> = {
  full: [
    { id: "summary", title: "Executive summary" },
    { id: "purpose", title: "Purpose" },
    { id: "audit", title: "Community audit" },
    { id: "stakeholders", title: "Stakeholders and insights" },
    { id: "goals", title: "Goals and KPIs" },
    { id: "crisis", title: "Crisis plan" },
    { id: "roadmap", title: "Roadmap" },
    { id: "appendix", title: "Appendix: interview notes" },
  ],
  roadmap: [
    { id: "goals", title: "Goals and KPIs" },
    { id: "timeline", title: "Timeline" },
    { id: "risks", title: "Top risks" },
  ],
  crisis: [
    { id: "severity", title: "Severity levels" },
    { id: "scenarios", title: "Scenarios" },
    { id: "statements", title: "Holding statements" },
    { id: "escalation", title: "Crisis team and escalation" },
  ],
  audit: [
    { id: "channels", title: "Channels" },
    { id: "maturity", title: "Maturity self-assessment" },
    { id: "findings", title: "Findings" },
    { id: "interviews", title: "Interview notes" },
  ],
};

/** A small but real PDF (Helvetica, one heading and a few lines per page). */
function samplePdf(title: string, lines: string[][], paper: "a4" | "letter", label: string): string {
  const [w, h] = paper === "a4" ? [595, 842] : [612, 792];
  const esc = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\x7e]/g, "?");
  const objects: string[] = [];
  const pageIds: number[] = [];
  objects[1] = "<< /Type /Catalog /Pages 2 0 R >>";
  objects[3] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";
  objects[4] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>";
  let next = 5;
  lines.forEach((pageLines, i) => {
    const ops = [
      `0.184 0.490 0.427 rg 0 ${h - 8} ${w} 8 re f`,
      `BT /F1 8 Tf 0.4 0.4 0.4 rg 56 ${h - 36} Td (${esc(label)}) Tj ET`,
      `BT /F2 ${i === 0 ? 24 : 16} Tf 0.11 0.15 0.14 rg 56 ${h - 90} Td (${esc(i === 0 ? title : (pageLines[0] ?? ""))}) Tj ET`,
      ...pageLines.slice(i === 0 ? 0 : 1).map((l, j) => `BT /F1 11 Tf 0.2 0.2 0.2 rg 56 ${h - 130 - j * 18} Td (${esc(l)}) Tj ET`),
      `BT /F1 8 Tf 0.5 0.5 0.5 rg ${w / 2 - 20} 30 Td (Page ${i + 1} of ${lines.length}) Tj ET`,
    ].join("\n");
    const contentId = next++;
    const pageId = next++;
    objects[contentId] = `<< /Length ${ops.length} >>\nstream\n${ops}\nendstream`;
    objects[pageId] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${contentId} 0 R >>`;
    pageIds.push(pageId);
  });
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((p) => `${p} 0 R`).join(" ")}] /Count ${pageIds.length} >>`;
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  for (let id = 1; id < next; id++) {
    offsets[id] = out.length;
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = out.length;
  out += `xref\n0 ${next}\n0000000000 65535 f \n`;
  for (let id = 1; id < next; id++) out += `${String(offsets[id]).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${next} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return btoa(out);
}

/** Sample audit records, as the back end would describe them; the preview does not change them. */
function sampleAudit(): AuditOverview {
  const forum = { id: "c-forum", kind: "forum", name: "Makers Forum", link: "https://forum.example.org", ownership: "owned", audience: "Hobby makers", runBy: "Support team", notes: "", createdAt: iso(0), updatedAt: iso(0) } as const;
  const fans = { id: "c-fans", kind: "facebookGroup", name: "Fans of Northwind", link: "", ownership: "unofficial", audience: "Long-time customers", runBy: "Two volunteers", notes: "Started by fans in 2019.", createdAt: iso(0), updatedAt: iso(0) } as const;
  const snap = (id: string, channelId: string, takenOn: string, members: number, posts: number) => ({
    id, channelId, takenOn, members, activeMembers: null, postsPerMonth: posts, medianResponseHours: 26, sentiment: 4, custom: [], notes: "", createdAt: iso(0),
  });
  const stages = ["Ad hoc", "Emerging", "Established", "Leading"];
  const competencies = [
    ["strategy", "Strategy", 1], ["leadership", "Leadership", 2], ["culture", "Culture", 2], ["communityManagement", "Community management", 2],
    ["contentAndProgramming", "Content and programming", 1], ["policiesAndGovernance", "Policies and governance", null], ["tools", "Tools", 3], ["metricsAndMeasurement", "Metrics and measurement", 1],
  ] as const;
  const channels = [fans, forum];
  return {
    audit: {
      channels: [...channels],
      snapshots: [snap("s2", "c-forum", "2026-03-01", 1250, 95), snap("s3", "c-fans", "2026-03-01", 4800, 310), snap("s1", "c-forum", "2025-09-01", 1000, 120)],
      maturity: [],
      situation: { resources: "Two community managers\nA small events budget", obstacles: "No executive sponsor", opportunities: "Fans already gather on their own", threats: "A rival brand's Discord", targetAudience: "Hobby makers who build with our tools.", toneAndVoice: "Warm and plain, never salesy." },
      peers: [{ id: "p1", name: "Acme Tools", kind: "competitor", communities: "Discord, yearly meetup", notes: "" }],
      findings: [{ id: "f1", title: "Questions wait a day for a first reply", importance: "high", evidence: "Median response time of 26 hours on the forum.", channelIds: ["c-forum"], snapshotIds: ["s2"], createdAt: iso(0), updatedAt: iso(0) }],
    },
    activity: [
      { channelId: "c-fans", name: fans.name, kind: fans.kind, ownership: fans.ownership, takenOn: "2026-03-01", members: 4800, activeMembers: null, postsPerMonth: 310, medianResponseHours: 26, sentiment: 4, snapshots: 1 },
      { channelId: "c-forum", name: forum.name, kind: forum.kind, ownership: forum.ownership, takenOn: "2026-03-01", members: 1250, activeMembers: null, postsPerMonth: 95, medianResponseHours: 26, sentiment: 4, snapshots: 2 },
    ],
    maturity: competencies.map(([competency, label, stage]) => ({ competency, label, stages: stages.map((s) => `What “${s}” looks like for ${label.toLowerCase()}.`), stage, evidence: "" })),
    maturityAverage: 1.7,
    auditDates: ["2026-03-01", "2025-09-01"],
    comparison: {
      from: "2025-09-01",
      to: "2026-03-01",
      rows: [
        { channelId: "c-forum", channel: "Makers Forum", metric: "Members", beforeOn: "2025-09-01", afterOn: "2026-03-01", before: 1000, after: 1250, change: 250, changePercent: 25, trend: "better" },
        { channelId: "c-forum", channel: "Makers Forum", metric: "Posts per month", beforeOn: "2025-09-01", afterOn: "2026-03-01", before: 120, after: 95, change: -25, changePercent: -20.8, trend: "worse" },
      ],
    },
    records: 12,
    vocabulary: {
      channelKinds: [
        { value: "forum", label: "Forum" }, { value: "facebookGroup", label: "Facebook group" }, { value: "linkedinGroup", label: "LinkedIn group" },
        { value: "discordServer", label: "Discord server" }, { value: "slackWorkspace", label: "Slack workspace" }, { value: "subreddit", label: "Subreddit" },
        { value: "xChat", label: "X/Twitter chat" }, { value: "videoChannel", label: "Video channel" }, { value: "reviewSite", label: "Review site" },
        { value: "liveVideo", label: "Live video / AMA" }, { value: "events", label: "Events / meetups" }, { value: "inProduct", label: "In-product space" }, { value: "other", label: "Other" },
      ],
      ownership: [{ value: "owned", label: "Owned" }, { value: "unofficial", label: "Unofficial" }],
      importance: [{ value: "high", label: "High" }, { value: "medium", label: "Medium" }, { value: "low", label: "Low" }],
      peerKinds: [{ value: "likeMinded", label: "Like-minded" }, { value: "competitor", label: "Competitor" }],
      metrics: [],
      stages,
    },
  };
}

const AUDIT_WRITES = new Set([
  "save_channel", "delete_channel", "save_snapshot", "delete_snapshot", "save_maturity", "update_situation", "save_peer", "delete_peer", "save_finding", "delete_finding",
]);

export function installDevPreview(params: URLSearchParams): void {
  const dataDir = "/home/strategist/.local/share/app.groundwork.desktop";
  const profiles = new Map<string, Profile>();
  const summaries: WorkbookSummary[] = [];
  let open: string | null = null;

  function add(name: string, organisation: string, ago: number, extra: Partial<Profile> = {}, readOnly = false): void {
    const fileName = `${name.replace(/[^\w]+/g, "-").toLowerCase()}.groundwork`;
    const path = `${dataDir}/${fileName}`;
    const profile: Profile = {
      name,
      organisation,
      communityName: "",
      strategist: "",
      purpose: "",
      createdAt: iso(ago + 20 * DAY),
      updatedAt: iso(ago),
      ...extra,
    };
    profiles.set(path, profile);
    summaries.push({ path, fileName, name, organisation, updatedAt: profile.updatedAt, readOnly: readOnly || params.has("readonly") });
  }

  if (!params.has("empty")) {
    add("Makers Hub strategy 2026", "Northwind Tools", 3 * 60_000, {
      communityName: "Makers Hub",
      strategist: "Ana Souza",
      purpose:
        "Help makers help each other: a place where people who build with our tools share projects, solve problems together and shape what we make next.",
    });
    add("Player council relaunch", "Lumen Games", 3 * DAY, { communityName: "Lumen Council" });
    add("Customer forum audit", "Fieldstone Bank", 41 * DAY, {}, true);
  }
  const unreadable = params.has("empty")
    ? []
    : [{ path: `${dataDir}/notes.groundwork`, fileName: "notes.groundwork", problem: "This file is not a Groundwork workbook, so it was left untouched." }];

  const counts = (): StepCount[] => [
    { step: "audit", title: "Community audit", records: 0 },
    { step: "stakeholders", title: "Stakeholders and interviews", records: 0 },
    { step: "goals", title: "Goals and KPIs", records: 0 },
    { step: "crisis", title: "Crisis plan", records: 0 },
    { step: "roadmap", title: "Roadmap", records: 0 },
  ];

  function summaryOf(path: string): WorkbookSummary {
    const s = summaries.find((x) => x.path === path);
    if (!s) refuse("This workbook is no longer there. It may have been moved or deleted.", null, "notFound");
    return s;
  }

  function opened(path: string): OpenedWorkbook {
    const profile = profiles.get(path);
    if (!profile) refuse("This workbook is no longer there.", null, "notFound");
    open = path;
    return { summary: summaryOf(path), profile, stepCounts: counts() };
  }

  function checkName(name: string, field = "name"): string {
    const t = name.trim();
    if (t === "") refuse("The workbook name is empty. Type one to save this change.", field);
    if (t.length > 1000) refuse(`The workbook name is ${t.length} characters long; the most it can hold is 1,000. Shorten it.`, field);
    return t;
  }

  mockIPC(async (cmd, raw) => {
    const args = (raw ?? {}) as Record<string, unknown>;
    await new Promise((r) => setTimeout(r, 120));
    switch (cmd) {
      case "list_workbooks":
        return { workbooks: [...summaries].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)), unreadable };
      case "launch_file":
        return params.has("open") && summaries[0] ? summaries[0].path : null;
      case "create_workbook": {
        const name = checkName(String(args.name));
        add(name, String(args.organisation).trim(), 0);
        const last = summaries[summaries.length - 1];
        return opened(last ? last.path : "");
      }
      case "open_workbook":
        return opened(String(args.path));
      case "rename_workbook": {
        const s = summaryOf(String(args.path));
        s.name = checkName(String(args.name));
        const p = profiles.get(s.path);
        if (p) p.name = s.name;
        return { ...s };
      }
      case "duplicate_workbook": {
        const s = summaryOf(String(args.path));
        add(`${s.name} (copy)`, s.organisation, 0);
        return summaries[summaries.length - 1];
      }
      case "delete_workbook":
        summaries.splice(summaries.indexOf(summaryOf(String(args.path))), 1);
        return null;
      case "close_workbook":
        open = null;
        return null;
      case "update_profile": {
        if (!open) refuse("No workbook is open. Open one from the home screen.", null, "noWorkbookOpen");
        const s = summaryOf(open);
        if (s.readOnly) refuse("This workbook is read-only, so the change was not saved.", null, "readOnly");
        const edit = args.edit as ProfileEdit;
        const name = checkName(edit.name);
        for (const f of ["organisation", "communityName", "strategist"] as const) {
          if (edit[f].length > 1000) refuse(`The ${f} is ${edit[f].length.toLocaleString("en")} characters long; the most it can hold is 1,000. Shorten it.`, f);
        }
        const p: Profile = { ...edit, name, createdAt: profiles.get(open)?.createdAt ?? iso(0), updatedAt: iso(0) };
        profiles.set(open, p);
        Object.assign(s, { name, organisation: edit.organisation.trim(), updatedAt: p.updatedAt });
        return p;
      }
      case "step_counts":
        return counts();
      case "audit_overview":
        return sampleAudit();
      case "channel_usage":
        return { snapshots: 2, citing: [{ id: "f1", title: "Questions wait a day for a first reply", importance: "high" }], notice: "“Makers Forum” and its 2 snapshots will be deleted. One finding cites it as evidence: “Questions wait a day for a first reply”. The links will be removed; that finding keeps the rest of its evidence." };
      case "finding_usage":
        return { scenarios: [], notice: "The finding and its links will be deleted. Goals that cite it will lose this evidence." };
      case "compare_snapshots":
        return sampleAudit().comparison;
      case "findings":
        return sampleAudit().audit.findings.map((f) => ({ id: f.id, title: f.title, importance: f.importance }));
      case "document_sections":
        return SECTIONS[String(args.document)] ?? [];
      case "preview_document": {
        const o = args.options as ExportOptions;
        const p = open ? profiles.get(open) : undefined;
        const sections = (SECTIONS[o.document] ?? []).filter((s) => !o.omitSections.includes(s.id));
        const pages = [
          [p?.organisation ?? "", `Community: ${p?.communityName || "not named yet"}`, `Strategist: ${p?.strategist || "not named yet"}`, "", ...sections.map((s, i) => `${i + 1}.  ${s.title}`)],
          ...sections.slice(0, 4).map((s) => [s.title, "Nothing recorded for this part of the strategy yet."]),
        ];
        return {
          pdfBase64: samplePdf(p?.name ?? "Strategy", pages, o.paper, o.confidentiality),
          pageCount: pages.length,
          warnings: [{ kind: "emptySection", message: "The audit has no channels yet, so its section says so." }],
        };
      }
      case "export_document":
        return { path: String(args.path), pageCount: 5, bytes: 48_213, warnings: [] };
      case "open_exported":
        return null;
      case "choose_file_to_open":
        return summaries[0]?.path ?? null;
      case "choose_save_destination":
        return `/home/strategist/Documents/${String(args.suggestedName ?? "export.pdf")}`;
      default:
        if (AUDIT_WRITES.has(cmd)) refuse("The dev preview shows sample audit records and does not change them. Run Groundwork to record your own.", null, "io");
        refuse(`The dev preview has no stand-in for ${cmd}.`, null, "io");
    }
  });
}

/** Moves the preview to the screen named in the URL once the workbook has opened. */
export function driveDevPreview(app: AppState, params: URLSearchParams): void {
  const section = params.get("section") as Section | null;
  const field = params.get("refuse") as ProfileField | null;
  if (!section && !field) return;
  const started = Date.now();
  const poll = setInterval(() => {
    const session = app.session;
    if (!session && Date.now() - started < 5000) return;
    clearInterval(poll);
    if (!session) return;
    if (section) session.section = section;
    if (field) session.editProfile(field, field === "name" ? "" : "x".repeat(1001));
  }, 50);
}
