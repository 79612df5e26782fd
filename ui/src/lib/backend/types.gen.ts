// Generated from the Rust types by `UPDATE_BINDINGS=1 cargo test -p groundwork-app bindings`. Do not edit.

export type Answer = { id: string, topic: string, question: string, answer: string, themeIds: Array<string>, };

export type AppError = { code: ErrorCode, message: string, field: string | null, };

export type Attitude = "champion" | "neutral" | "sceptic";

export type Audit = { 
/**
 * In name order.
 */
channels: Array<Channel>, 
/**
 * Newest first.
 */
snapshots: Array<Snapshot>, 
/**
 * Only the competencies that were touched; see [`maturity::profile`] for all eight.
 */
maturity: Array<MaturityScore>, situation: Situation, peers: Array<Peer>, 
/**
 * Most important first.
 */
findings: Array<Finding>, };

export type AuditOverview = { audit: Audit, activity: Array<ChannelActivity>, maturity: Array<MaturityRow>, maturityAverage: number | null, 
/**
 * Newest first.
 */
auditDates: Array<string>, 
/**
 * The two most recent audit dates side by side.
 */
comparison: Comparison | null, records: number, vocabulary: Vocabulary, };

export type Backup = { path: string, takenAt: string, bytes: number, };

export type Board = { dotBudget: number, ideas: Array<Idea>, groups: Array<IdeaGroup>, participants: Array<Participant>, votes: Array<Vote>, 
/**
 * The roadmap's initiatives, to score beside the ideas.
 */
initiatives: Array<InitiativeScore>, };

export type BoardView = { board: Board, ranking: Array<RankedIdea>, dotsLeft: Array<DotsLeft>, initiativeRanking: Array<RankedInitiative>, };

export type BudgetTotal = { 
/**
 * The phase's or goal's id; None for "no phase", "no goal" and for owners.
 */
id: string | null, label: string, 
/**
 * One amount per currency, in currency order; empty when nothing is budgeted.
 */
amounts: Array<Money>, 
/**
 * The amounts as the screens show them: "EUR 12,500 + JPY 3,000", or "No budget".
 */
text: string, 
/**
 * How many initiatives count toward it.
 */
initiatives: number, };

export type BudgetTotals = { overall: Array<Money>, 
/**
 * The overall total as the screens show it: "EUR 12,500 + JPY 3,000", or "No budget".
 */
overallText: string, 
/**
 * Every phase in order, then "No phase" when initiatives have none.
 */
byPhase: Array<BudgetTotal>, 
/**
 * Every goal in order, then "No goal". An initiative serving several goals counts in full
 * toward each, so these do not add up to the overall total.
 */
byGoal: Array<BudgetTotal>, 
/**
 * Owners by name, then "No owner".
 */
byOwner: Array<BudgetTotal>, };

export type Cadence = "weekly" | "monthly" | "quarterly" | "yearly";

export type Channel = { id: string, kind: ChannelKind, name: string, 
/**
 * A web address or a handle, as typed.
 */
link: string, ownership: Ownership, audience: string, runBy: string, notes: string, createdAt: string, updatedAt: string, };

export type ChannelActivity = { channelId: string, name: string, kind: ChannelKind, ownership: Ownership, 
/**
 * When the figures were taken; `None` while the channel has no snapshot.
 */
takenOn: string | null, members: number | null, activeMembers: number | null, postsPerMonth: number | null, medianResponseHours: number | null, sentiment: number | null, snapshots: number, };

export type ChannelEdit = { kind: ChannelKind, name: string, link: string, ownership: Ownership, audience: string, runBy: string, notes: string, };

export type ChannelKind = "forum" | "facebookGroup" | "linkedinGroup" | "discordServer" | "slackWorkspace" | "subreddit" | "xChat" | "videoChannel" | "reviewSite" | "liveVideo" | "events" | "inProduct" | "other";

export type ChannelSource = { "kind": "one", channelId: string, } | { "kind": "column", column: number, };

export type ChannelUsage = { snapshots: number, 
/**
 * The findings that cite the channel or one of its snapshots.
 */
citing: Array<FindingSummary>, 
/**
 * The sentence to show before deleting.
 */
notice: string, };

export type ChartPoint = { x: number, y: number, date: string, 
/**
 * The value with its unit.
 */
label: string, 
/**
 * The measurement drawn here; `None` for the baseline and target of the expected line.
 */
measurementId?: string | null, };

export type Choice<T> = { value: T, label: string, };

export type Comparison = { from: string, to: string, rows: Array<ComparisonRow>, };

export type ComparisonRow = { channelId: string, channel: string, metric: string, 
/**
 * The dates of the snapshots used on each side (a channel may have been measured a few
 * days before the audit date).
 */
beforeOn: string | null, afterOn: string | null, before: number | null, after: number | null, change: number | null, 
/**
 * Change as a percentage of the earlier figure; `None` when that was 0 or missing.
 */
changePercent: number | null, trend: Trend, };

export type Competency = "strategy" | "leadership" | "culture" | "communityManagement" | "contentAndProgramming" | "policiesAndGovernance" | "tools" | "metricsAndMeasurement";

export type Contact = { id: string, name: string, role: string, phone: string, email: string, 
/**
 * Who stands in when this person cannot be reached.
 */
backupId: string | null, };

export type ContactEdit = { name: string, role: string, phone: string, email: string, backupId: string | null, };

export type Conversion = { target: ConvertTarget, recordId: string, title: string, };

export type ConvertRequest = { target: ConvertTarget, objectiveId: string | null, };

export type ConvertTarget = "theme" | "finding" | "goal" | "scenario" | "initiative";

export type CrisisEdits = { levels: { [key in string]: SeverityEdit }, scenarios: { [key in string]: ScenarioEdit }, statements: { [key in string]: StatementEdit }, contacts: { [key in string]: ContactEdit }, escalations: { [key in string]: EscalationEdit }, };

export type CrisisPlan = { levels: Array<SeverityLevel>, 
/**
 * Highest risk first.
 */
scenarios: Array<Scenario>, contacts: Array<Contact>, escalations: Array<Escalation>, guidelines: Guidelines, 
/**
 * How many scenarios sit in each cell: `matrix[likelihood - 1][impact - 1]`.
 */
matrix: Array<Array<number>>, 
/**
 * Each record's edit form, filled with what is stored, for the forms to start from.
 */
edits: CrisisEdits, };

export type CustomFigure = { name: string, value: number, };

export type CustomFigureEdit = { name: string, value: string, };

export type DateOrder = "DayMonthYear" | "MonthDayYear" | "YearMonthDay";

export type DateReading = "auto" | "dayFirst" | "monthFirst";

export type DecimalReading = "auto" | "point" | "comma";

export type Department = "marketing" | "sales" | "support" | "pr" | "product" | "hr" | "executive" | "legal" | "members" | "partners" | "other";

export type Direction = "higher" | "lower";

export type DismissedIssue = { issue: Issue, reason: string, dismissedAt: string, };

export type Document = "full" | "roadmap" | "crisis" | "audit";

export type DocumentPreview = { pdfBase64: string, pageCount: number, warnings: Array<Warning>, };

export type DocumentSettings = { 
/**
 * What is asked of the reader, in the strategist's words; empty for the roadmap's default.
 */
ask: string, 
/**
 * The accent as `#rrggbb` in lower case; `None` for the house accent.
 */
accent: string | null, };

export type DocumentSettingsEdit = { ask: string, 
/**
 * `#rrggbb`; empty for the house accent.
 */
accent: string, };

export type DocumentSettingsView = { settings: DocumentSettings, 
/**
 * The ask the roadmap suggests, offered to start from; `None` while it suggests nothing.
 */
suggestedAsk: string | null, 
/**
 * Why text is drawn in a darker shade of the chosen accent, when it is.
 */
accentNote: string | null, };

export type DotsLeft = { participantId: string, spent: number, left: number, };

export type ErrorCode = "invalid" | "notAWorkbook" | "newerVersion" | "readOnly" | "openElsewhere" | "notFound" | "alreadyExists" | "inUse" | "noWorkbookOpen" | "io" | "document" | "notAllowed";

export type Escalation = { id: string, severityId: string, contactId: string, withinMinutes: number, within: string, approves: boolean, };

export type EscalationEdit = { 
/**
 * The level the line belongs to; `None` until one is chosen.
 */
severityId: string | null, 
/**
 * Who is told; `None` until someone is chosen.
 */
contactId: string | null, 
/**
 * As typed: "15 min", "1 h".
 */
within: string, approves: boolean, };

export type EvidenceCandidate = { kind: EvidenceKind, id: string, 
/**
 * The finding's title, the theme's name or the quote's words.
 */
title: string, 
/**
 * Importance, who said it…; may be empty.
 */
detail: string, };

export type EvidenceItem = { kind: EvidenceKind, id: string, 
/**
 * The finding's title, the theme's name or the quote's words.
 */
title: string, 
/**
 * Importance, whose interest, who said it and when.
 */
detail: string, 
/**
 * Its number among the cited evidence (1 for the first cited); 0 when no goal cites it.
 */
number: number, };

export type EvidenceKind = "finding" | "theme" | "quote";

export type EvidenceRef = { kind: EvidenceKind, id: string, };

export type EvidenceTrace = { evidence: EvidenceItem, 
/**
 * The goals citing it, each with its KPIs and initiatives.
 */
chains: Array<GoalChain>, 
/**
 * For a theme: true for each chain whose goal cites one of the theme's quotes rather
 * than the theme itself. Parallel to `chains`.
 */
viaQuote: Array<boolean>, };

export type ExportOptions = { document: Document, paper: Paper, 
/**
 * The date printed on the document; `None` means the workbook's last edit, never the clock,
 * so the same workbook always gives the same bytes.
 */
date: string | null, 
/**
 * Section ids to leave out (see the docs crate's section list for each document).
 */
omitSections: Array<string>, 
/**
 * Printed in every page header, e.g. "Confidential". Empty for none.
 */
confidentiality: string, 
/**
 * Adds the readiness review after the executive summary (full strategy only).
 */
includeReadiness: boolean, };

export type ExportReport = { path: string, pageCount: number, bytes: number, warnings: Array<Warning>, };

export type Figure = { "kind": "members" } | { "kind": "activeMembers" } | { "kind": "postsPerMonth" } | { "kind": "medianResponseHours" } | { "kind": "sentiment" } | { "kind": "custom", name: string, };

export type FigureChange = { label: string, 
/**
 * What the workbook holds now, if anything.
 */
before: string | null, after: string, };

export type FigureCheck = { preview: FigurePreview | null, problem: string | null, };

export type FigureColumn = { column: number, figure: Figure, };

export type FigureImport = { id: string, preview: FigurePreview, };

export type FigureMapping = { dateColumn: number, dates: DateReading, decimals: DecimalReading, target: FigureTarget, onExisting: OnExisting, };

export type FigurePreview = { added: number, replaced: number, unchanged: number, kept: number, 
/**
 * The first rows in file order (at most [`LISTED`]).
 */
rows: Array<PreviewRow>, 
/**
 * The first problems (at most [`LISTED`]); `problem_count` counts them all.
 */
problems: Array<RowProblem>, problemCount: number, 
/**
 * How ambiguous text was read, and which preset was recognised.
 */
notes: Array<string>, 
/**
 * One sentence: what will be (or was) imported and what not.
 */
summary: string, };

export type FigureSource = { name: string, 
/**
 * How it was read: "UTF-8 text, separated by commas", "XLSX spreadsheet, sheet “Daily”".
 */
format: string, sheets: Array<string>, sheet: string | null, headers: Array<string>, hasHeader: boolean, sample: Array<SampleRow>, rowCount: number, mapping: FigureMapping, 
/**
 * Where the mapping came from, in a sentence.
 */
mappingFrom: string, check: FigureCheck, };

export type FigureTarget = { "kind": "kpi", kpiId: string, valueColumn: number, } | { "kind": "snapshots", channel: ChannelSource, figures: Array<FigureColumn>, };

export type FileKind = "workbook" | "json" | "pdf" | "xlsx" | "csv" | "image" | "table";

export type FilledPart = { text: string, 
/**
 * The placeholder this text came from, if any.
 */
placeholder: string | null, 
/**
 * False when the placeholder has no value yet: shown as `{{name}}` and flagged.
 */
filled: boolean, };

export type FilledStatement = { parts: Array<FilledPart>, 
/**
 * The whole text, ready to copy once nothing is unfilled.
 */
text: string, slots: Array<Slot>, 
/**
 * Placeholders without a value, in order.
 */
unfilled: Array<string>, 
/**
 * Sentences about the template itself (unknown placeholders, unclosed braces).
 */
problems: Array<string>, 
/**
 * A sentence for the person filling it in, or `None` when it is ready to send.
 */
message: string | null, };

export type Finding = { id: string, title: string, importance: Importance, evidence: string, 
/**
 * The channels the finding rests on.
 */
channelIds: Array<string>, 
/**
 * The snapshots (dated figures) the finding rests on.
 */
snapshotIds: Array<string>, createdAt: string, updatedAt: string, };

export type FindingEdit = { title: string, importance: Importance, evidence: string, channelIds: Array<string>, snapshotIds: Array<string>, };

export type FindingSummary = { id: string, title: string, importance: Importance, };

export type FindingUsage = { 
/**
 * Titles of the crisis scenarios that rest on the finding.
 */
scenarios: Array<string>, 
/**
 * The sentence to show before deleting.
 */
notice: string, };

export type Flag = { initiativeId: string, kind: FlagKind, 
/**
 * A sentence naming the initiative and what to look at.
 */
message: string, };

export type FlagKind = "outsidePhase" | "beforeDependency" | "noGoal" | "noOwner";

export type Goal = { id: string, objectiveId: string, title: string, description: string, evidence: Array<EvidenceRef>, createdAt: string, updatedAt: string, };

export type GoalChain = { goal: Link, 
/**
 * The objective it serves; `None` when that objective is gone.
 */
objective: Link | null, evidence: Array<EvidenceItem>, kpis: Array<Link>, initiatives: Array<Link>, };

export type GoalEdit = { objectiveId: string, title: string, description: string, evidence: Array<EvidenceRef>, };

export type Goals = { narrative: Narrative, 
/**
 * In the order they were added.
 */
objectives: Array<Objective>, 
/**
 * In the order they were added.
 */
goals: Array<Goal>, 
/**
 * In the order they were added.
 */
kpis: Array<Kpi>, 
/**
 * Oldest first.
 */
measurements: Array<Measurement>, };

export type GoalsEdits = { objectives: { [key in string]: ObjectiveEdit }, goals: { [key in string]: GoalEdit }, kpis: { [key in string]: KpiEdit }, };

export type GoalsOverview = { 
/**
 * The shared purpose, kept in the workbook profile.
 */
purpose: string, goals: Goals, today: string, 
/**
 * One per KPI, in the KPIs' order.
 */
reports: Array<KpiReport>, health: Health, candidates: Array<EvidenceCandidate>, owners: Array<OwnerCandidate>, records: number, vocabulary: GoalsVocabulary, 
/**
 * Each record's edit form, filled with what is stored, for the forms to start from.
 */
edits: GoalsEdits, };

export type GoalsVocabulary = { categories: Array<Choice<KpiCategory>>, directions: Array<Choice<Direction>>, cadences: Array<Choice<Cadence>>, statuses: Array<Choice<KpiStatus>>, 
/**
 * How status is worked out, in one sentence.
 */
statusRules: string, };

export type GridPlacement = { stakeholderId: string, name: string, x: number, y: number, quadrant: Quadrant, };

export type Guide = { id: string, name: string, description: string, 
/**
 * In the order they are asked.
 */
questions: Array<GuideQuestion>, createdAt: string, updatedAt: string, };

export type GuideEdit = { name: string, description: string, };

export type GuideQuestion = { id: string, 
/**
 * The group it belongs to: business objectives, audience, pain points...
 */
topic: string, text: string, };

export type Guidelines = { tone: string, dos: string, donts: string, engage: string, disengage: string, 
/**
 * The post-crisis review template: one question or heading per line.
 */
review: string, };

export type Health = { 
/**
 * `None` until a KPI with a weight above 0 has a measurement.
 */
score: number | null, 
/**
 * Where the same weighted figure should be by today, following the straight lines.
 */
expected: number | null, parts: Array<HealthPart>, };

export type HealthPart = { kpiId: string, name: string, weight: number, 
/**
 * Its weight as a share of the counted weights, 0 to 1; 0 when left out.
 */
share: number, 
/**
 * Its progress capped to 0–1; `None` when left out.
 */
score: number | null, 
/**
 * Points it adds to the health figure (share × score × 100).
 */
points: number, 
/**
 * Why it is left out, when it is.
 */
leftOut: string | null, };

export type HoldingStatement = { id: string, title: string, body: string, 
/**
 * The known placeholders it uses.
 */
placeholders: Array<string>, 
/**
 * Sentences about unknown or unclosed placeholders. The statement is saved regardless so
 * nothing typed is lost.
 */
problems: Array<string>, };

export type Idea = { id: string, text: string, 
/**
 * `None` while the note waits unsorted.
 */
groupId: string | null, value: number | null, effort: number | null, };

export type IdeaGroup = { id: string, name: string, converted: Conversion | null, };

export type IdeaQuadrant = "quickWin" | "bigBet" | "fillIn" | "moneyPit";

export type ImportFor = { "kind": "kpi", kpiId: string, } | { "kind": "snapshots", channelId: string | null, };

export type ImportOutcome = { imported: WorkbookSummary | null, problems: Array<ImportProblem>, };

export type ImportProblem = { 
/**
 * A JSON path such as `$.tables.channel[12].name`.
 */
path: string, message: string, };

export type ImportResult = { report: PasteReport, overview: GoalsOverview, };

export type Importance = "high" | "medium" | "low";

export type Initiative = { id: string, title: string, description: string, 
/**
 * None: not in any phase ("unphased").
 */
phaseId: string | null, 
/**
 * The goals it serves, in the order chosen.
 */
goalIds: Array<string>, kpiIds: Array<string>, channelIds: Array<string>, owner: KpiOwner, 
/**
 * The team or department that carries it out.
 */
team: string, budget: Money | null, schedule: Schedule, 
/**
 * Set exactly when `schedule` is dated.
 */
start: string | null, end: string | null, status: InitiativeStatus, 
/**
 * A milestone is a moment (a launch, a decision) shown as a diamond at its end date.
 */
milestone: boolean, 
/**
 * The initiatives that must finish before this one starts.
 */
dependsOn: Array<string>, createdAt: string, updatedAt: string, };

export type InitiativeEdit = { title: string, description: string, phaseId: string | null, goalIds: Array<string>, kpiIds: Array<string>, channelIds: Array<string>, owner: KpiOwner, team: string, 
/**
 * As typed; empty is no budget.
 */
budget: string, 
/**
 * Three letters; needed only with a budget.
 */
currency: string, schedule: Schedule, 
/**
 * Year-month-day; used only when dated.
 */
start: string, end: string, status: InitiativeStatus, milestone: boolean, dependsOn: Array<string>, };

export type InitiativeScore = { initiativeId: string, title: string, value: number | null, effort: number | null, };

export type InitiativeStatus = "planned" | "inProgress" | "done" | "parked";

export type InitiativeTrace = { initiative: Link, chains: Array<GoalChain>, };

export type Interview = { id: string, stakeholderId: string, date: string, interviewer: string, mode: InterviewMode, 
/**
 * The guide it started from; the questions were copied, so later edits to the guide
 * leave this interview as it was asked.
 */
guideId: string | null, guideName: string, notes: string, noteThemeIds: Array<string>, answers: Array<Answer>, quotes: Array<Quote>, createdAt: string, updatedAt: string, };

export type InterviewEdit = { 
/**
 * `None` until someone is chosen.
 */
stakeholderId: string | null, date: string, interviewer: string, mode: InterviewMode, 
/**
 * Only read when the interview is created.
 */
guideId: string | null, };

export type InterviewMode = "inPerson" | "video" | "phone" | "written";

export type InterviewStatus = "toInvite" | "scheduled" | "interviewed" | "declined";

export type Issue = { 
/**
 * The rule's stable id, e.g. `goals.goal-without-kpi`.
 */
rule: string, severity: Severity, step: Step, 
/**
 * What is missing and why it matters, in one or two sentences.
 */
message: string, 
/**
 * The name of the record concerned, for lists ("Answer within a day").
 */
label: string, record: RecordRef, 
/**
 * Rule and record together: what a dismissal is kept under.
 */
key: string, };

export type Kpi = { id: string, goalId: string, name: string, category: KpiCategory, 
/**
 * The category's name when `category` is custom.
 */
customCategory: string, definition: string, unit: string, direction: Direction, baselineValue: number, baselineDate: string, targetValue: number, targetDate: string, dataSource: string, owner: KpiOwner, cadence: Cadence, 
/**
 * Its share in the community health figure, relative to the other KPIs' weights.
 */
weight: number, createdAt: string, updatedAt: string, };

export type KpiCategory = "growth" | "engagement" | "reach" | "conversion" | "satisfaction" | "retention" | "supportCostReduction" | "advocacy" | "productFeedback" | "custom";

export type KpiDue = { 
/**
 * The latest measurement's date, or the baseline's when there is none yet.
 */
since: string, 
/**
 * When the next measurement was due.
 */
dueOn: string, };

export type KpiEdit = { goalId: string, name: string, category: KpiCategory, customCategory: string, definition: string, unit: string, direction: Direction, baselineValue: string, baselineDate: string, targetValue: string, targetDate: string, dataSource: string, owner: KpiOwner, cadence: Cadence, 
/**
 * Empty means 1.
 */
weight: string, };

export type KpiOwner = { stakeholderId: string | null, 
/**
 * The typed name, or the stakeholder's name when one is linked.
 */
name: string, };

export type KpiReport = { kpiId: string, today: string, latest: Measurement | null, 
/**
 * Progress of the latest value; `None` before the first measurement.
 */
progress: number | null, expectedValue: number, expectedProgress: number, 
/**
 * The figures as a person reads them, each with the KPI's unit ("1,250 members", "45%"):
 * the screens show these rather than formatting numbers themselves.
 */
baselineText: string, targetText: string, expectedText: string, latestText: string | null, status: KpiStatus, statusLabel: string, 
/**
 * One sentence on why the status is what it is.
 */
explanation: string, chart: TrendChart, 
/**
 * Set when the KPI's cadence says a measurement is due: its last one (or the baseline,
 * before any) is a whole period old.
 */
due?: KpiDue | null, };

export type KpiStatus = "onTrack" | "atRisk" | "offTrack" | "achieved" | "notYetMeasured";

export type Link = { id: string, title: string, };

export type LogoView = { 
/**
 * The kept PNG as a `data:` URL, for an `<img>`.
 */
dataUrl: string, width: number, height: number, 
/**
 * The name of the file it was made from.
 */
fileName: string, };

export type MaturityEdit = { competency: Competency, stage: string, evidence: string, };

export type MaturityRow = { competency: Competency, label: string, stages: Array<string>, stage: number | null, evidence: string, };

export type MaturityScore = { competency: Competency, 
/**
 * 1 to 4; `None` while not yet scored.
 */
stage: number | null, evidence: string, };

export type Measurement = { id: string, kpiId: string, measuredOn: string, value: number, note: string, createdAt: string, };

export type MeasurementEdit = { measuredOn: string, value: string, note: string, };

export type Metric = "members" | "activeMembers" | "postsPerMonth" | "medianResponseHours" | "sentiment";

export type Money = { 
/**
 * Minor units of the currency, as ISO 4217 counts them.
 */
minor: number, currency: string, 
/**
 * "EUR 12,500.50", "JPY 1,200", "BHD 12.500".
 */
text: string, 
/**
 * "EUR 12.5k": for charts and tight table cells.
 */
short: string, };

export type Narrative = { memberValue: string, organisationValue: string, 
/**
 * The member behaviours that create value.
 */
behaviours: string, story: string, };

export type NumberStyle = "DecimalPoint" | "DecimalComma";

export type Objective = { id: string, title: string, description: string, createdAt: string, updatedAt: string, };

export type ObjectiveEdit = { title: string, description: string, };

export type OnExisting = "keep" | "replace";

export type OpenedWorkbook = { summary: WorkbookSummary, profile: Profile, stepCounts: Array<StepCount>, };

export type OwnerCandidate = { id: string, name: string, detail: string, };

export type Ownership = "owned" | "unofficial";

export type Paper = "a4" | "letter";

export type Participant = { id: string, name: string, };

export type PasteProblem = { 
/**
 * 1-based, as a person counts the lines they pasted.
 */
line: number, text: string, message: string, };

export type PasteReport = { 
/**
 * Rows to add or replace (after an import: the rows added or replaced).
 */
rows: Array<PastedRow>, 
/**
 * Rows whose date already holds the same value.
 */
unchanged: number, skippedHeader: boolean, problems: Array<PasteProblem>, 
/**
 * How ambiguous text was read ("03/04/2026 read as 3 April 2026").
 */
notes: Array<string>, 
/**
 * One sentence: what was (or will be) imported and what was not.
 */
summary: string, };

export type PastedRow = { line: number, measuredOn: string, value: number, 
/**
 * The measurement this row replaces (same date, another value), when replacing.
 */
replaces: string | null, };

export type Peer = { id: string, name: string, kind: PeerKind, 
/**
 * Where their community lives: "Discord, a forum, yearly meetup".
 */
communities: string, notes: string, };

export type PeerEdit = { name: string, kind: PeerKind, communities: string, notes: string, };

export type PeerKind = "likeMinded" | "competitor";

export type Phase = { id: string, name: string, start: string, end: string, objective: string, createdAt: string, updatedAt: string, };

export type PhaseEdit = { name: string, start: string, end: string, objective: string, };

export type PreviewRow = { line: number, date: string, 
/**
 * The channel's or the KPI's name.
 */
subject: string, action: RowAction, changes: Array<FigureChange>, };

export type Profile = { name: string, organisation: string, communityName: string, strategist: string, purpose: string, createdAt: string, updatedAt: string, };

export type ProfileEdit = { name: string, organisation: string, communityName: string, strategist: string, purpose: string, };

export type Quadrant = "manageClosely" | "keepSatisfied" | "keepInformed" | "monitor";

export type QuestionEdit = { topic: string, text: string, };

export type Quote = { id: string, interviewId: string, text: string, themeIds: Array<string>, };

export type QuoteEvidence = { quoteId: string, interviewId: string, stakeholderId: string, stakeholderName: string, text: string, };

export type RankedIdea = { ideaId: string, text: string, groupName: string | null, rank: number, dots: number, voters: number, value: number | null, effort: number | null, quadrant: IdeaQuadrant | null, };

export type RankedInitiative = { initiativeId: string, title: string, rank: number, value: number | null, effort: number | null, quadrant: IdeaQuadrant | null, };

export type RecordKind = "step" | "finding" | "stakeholder" | "theme" | "quote" | "objective" | "goal" | "kpi" | "scenario" | "phase" | "initiative";

export type RecordRef = { step: Step, kind: RecordKind, id: string, };

export type Review = { 
/**
 * Open issues, by step, then severity, in the records' order.
 */
issues: Array<Issue>, dismissed: Array<DismissedIssue>, 
/**
 * One per step, in the steps' order.
 */
steps: Array<StepScore>, 
/**
 * The mean of the step scores.
 */
overall: number, blockers: number, 
/**
 * How the score is worked out, in one sentence.
 */
scoring: string, };

export type Risk = { score: number, band: RiskBand, };

export type RiskBand = "low" | "medium" | "high" | "critical";

export type Roadmap = { 
/**
 * By start date.
 */
phases: Array<Phase>, 
/**
 * In the order they were added.
 */
initiatives: Array<Initiative>, };

export type RoadmapEdits = { phases: { [key in string]: PhaseEdit }, initiatives: { [key in string]: InitiativeEdit }, };

export type RoadmapOption = { id: string, label: string, 
/**
 * The goal a KPI measures, a channel's kind, an owner's role…; may be empty.
 */
detail: string, 
/**
 * For KPIs: the goal they measure.
 */
parentId: string | null, };

export type RoadmapOverview = { roadmap: Roadmap, today: string, flags: Array<Flag>, totals: BudgetTotals, goals: Array<RoadmapOption>, kpis: Array<RoadmapOption>, channels: Array<RoadmapOption>, owners: Array<RoadmapOption>, records: number, vocabulary: RoadmapVocabulary, timeline: TimelineSpan, 
/**
 * Each record's edit form, filled with what is stored, for the forms to start from.
 */
edits: RoadmapEdits, };

export type RoadmapVocabulary = { schedules: Array<Choice<Schedule>>, statuses: Array<Choice<InitiativeStatus>>, };

export type RowAction = "add" | "replace" | "unchanged" | "keep";

export type RowProblem = { line: number, 
/**
 * The row's cells as the file holds them.
 */
text: string, message: string, };

export type SampleRow = { line: number, cells: Array<string>, };

export type Saved<V> = { id: string, view: V, };

export type Scenario = { id: string, title: string, description: string, likelihood: number, impact: number, risk: Risk, severityId: string | null, owner: string, 
/**
 * Early-warning signals, one per line.
 */
signals: string, 
/**
 * Channels to respond on, one per line.
 */
channels: string, 
/**
 * The audit findings the scenario rests on, in the order they were ticked.
 */
findingIds: Array<string>, actions: Array<ScenarioAction>, statements: Array<HoldingStatement>, 
/**
 * What the scenario still lacks to be ready (owner, statement, escalation path).
 */
gaps: Array<string>, };

export type ScenarioAction = { id: string, text: string, };

export type ScenarioEdit = { title: string, description: string, 
/**
 * 1 (rare) to 5 (almost certain); wider on input so a wrong value gets a sentence.
 */
likelihood: number, 
/**
 * 1 (minimal) to 5 (severe).
 */
impact: number, severityId: string | null, owner: string, signals: string, channels: string, 
/**
 * Audit findings the scenario rests on; absent means none.
 */
findingIds: Array<string>, };

export type Schedule = "dated" | "next" | "later";

export type SearchHit = { kind: SearchHitKind, 
/**
 * The answer's, quote's or (for notes) interview's id.
 */
id: string, interviewId: string, stakeholderId: string, stakeholderName: string, date: string, 
/**
 * The question, for answers; empty otherwise.
 */
question: string, 
/**
 * The passage around the matches, split into plain and matched pieces.
 */
segments: Array<Segment>, };

export type SearchHitKind = "answer" | "quote" | "notes";

export type SearchResults = { query: string, 
/**
 * The best matches, at most [`MAX_HITS`].
 */
hits: Array<SearchHit>, 
/**
 * How many answers, notes and quotes match in all, up to [`COUNT_CAP`].
 */
total: number, 
/**
 * True when more than [`COUNT_CAP`] match.
 */
capped: boolean, 
/**
 * A sentence when the query has nothing to search for.
 */
message: string | null, };

export type SectionInfo = { 
/**
 * Stable id, as used in `ExportOptions::omit_sections`.
 */
id: string, title: string, };

export type Segment = { text: string, matched: boolean, };

export type Severity = "blocker" | "warning" | "tip";

export type SeverityEdit = { name: string, definition: string, 
/**
 * As typed: "30 min", "4 h", "1 day".
 */
responseTime: string, };

export type SeverityLevel = { id: string, name: string, definition: string, responseMinutes: number, 
/**
 * The response time as a person reads it ("1 h 30 min").
 */
responseTime: string, };

export type SheetKind = "channels" | "channelMetrics" | "maturity" | "findings" | "stakeholders" | "interviews" | "interviewAnswers" | "quotes" | "themes" | "goals" | "kpis" | "kpiMeasurements" | "severityLevels" | "crisisScenarios" | "crisisContacts" | "escalation" | "phases" | "initiatives" | "budget";

export type Situation = { resources: string, obstacles: string, opportunities: string, threats: string, targetAudience: string, toneAndVoice: string, };

export type Slot = { name: string, label: string, 
/**
 * What was typed, or the workbook's own value (the organisation) when nothing was.
 */
value: string, };

export type Snapshot = { id: string, channelId: string, takenOn: string, members: number | null, activeMembers: number | null, postsPerMonth: number | null, 
/**
 * Hours from a member's question to the first reply, as a median.
 */
medianResponseHours: number | null, 
/**
 * 1 (very negative) to 5 (very positive).
 */
sentiment: number | null, custom: Array<CustomFigure>, notes: string, createdAt: string, };

export type SnapshotEdit = { channelId: string, 
/**
 * Year-month-day, such as 2026-03-14.
 */
takenOn: string, members: string, activeMembers: string, postsPerMonth: string, medianResponseHours: string, sentiment: string, custom: Array<CustomFigureEdit>, notes: string, };

export type SpreadsheetReport = { path: string, 
/**
 * How many sheets it holds (1 for a CSV file).
 */
sheets: number, 
/**
 * Data rows, headers not counted.
 */
rows: number, bytes: number, };

export type Stakeholder = { id: string, name: string, role: string, department: Department, 
/**
 * 1 (low) to 5 (high).
 */
influence: number, 
/**
 * 1 (low) to 5 (high).
 */
interest: number, attitude: Attitude, 
/**
 * What they want from the community, in their words.
 */
wants: string, contact: string, interviewStatus: InterviewStatus, createdAt: string, updatedAt: string, };

export type StakeholderEdit = { name: string, role: string, department: Department, influence: number, interest: number, attitude: Attitude, wants: string, contact: string, interviewStatus: InterviewStatus, };

export type StakeholderEdits = { stakeholders: { [key in string]: StakeholderEdit }, guides: { [key in string]: GuideEdit }, questions: { [key in string]: QuestionEdit }, interviews: { [key in string]: InterviewEdit }, themes: { [key in string]: ThemeEdit }, };

export type StakeholderRecords = { stakeholders: Array<Stakeholder>, guides: Array<Guide>, interviews: Array<Interview>, themes: Array<Theme>, };

export type StakeholderStep = { records: StakeholderRecords, grid: Array<GridPlacement>, insights: Array<ThemeInsight>, starterGuides: Array<StarterGuide>, 
/**
 * Each record's edit form, filled with what is stored, for the forms to start from.
 */
edits: StakeholderEdits, };

export type StarterGuide = { key: string, name: string, description: string, questions: Array<QuestionEdit>, };

export type StarterScenario = { key: string, title: string, description: string, likelihood: number, impact: number, 
/**
 * Index into the starter levels (0 watch, 1 concern, 2 crisis): the copy takes the level
 * at that position in the workbook, if there is one.
 */
level: number, signals: Array<string>, actions: Array<string>, channels: Array<string>, statementTitle: string, statement: string, };

export type StatementEdit = { title: string, body: string, };

export type Step = "audit" | "stakeholders" | "goals" | "crisis" | "roadmap";

export type StepCount = { step: Step, title: string, records: number, };

export type StepScore = { step: Step, title: string, 
/**
 * 0 to 100: the share of the step's checks that pass, blockers weighing most.
 */
score: number, checks: number, blockers: number, warnings: number, tips: number, };

export type TagKind = "answer" | "quote" | "notes";

export type TagTarget = { kind: TagKind, id: string, };

export type Theme = { id: string, name: string, side: ThemeSide, description: string, };

export type ThemeEdit = { name: string, side: ThemeSide, description: string, };

export type ThemeInsight = { theme: Theme, 
/**
 * Everyone who raised it, in register order.
 */
voices: Array<ThemeVoice>, quotes: Array<QuoteEvidence>, 
/**
 * Tagged answers, notes and quotes.
 */
mentions: number, raisedByOrganisation: boolean, raisedByMembers: boolean, sweetSpot: boolean, };

export type ThemeSide = "unmarked" | "organisation" | "members" | "both";

export type ThemeVoice = { stakeholderId: string, name: string, memberSide: boolean, };

export type Tick = { 
/**
 * 0 to 1 along its axis.
 */
at: number, label: string, };

export type TimelineSpan = { 
/**
 * The first and last day to draw: every phase and dated initiative, and today, so the
 * today line always shows.
 */
start: string, end: string, 
/**
 * Every initiative, in time order (`Roadmap::in_time_order`).
 */
order: Array<string>, };

export type Traceability = { 
/**
 * One per goal, in the goals' order.
 */
chains: Array<GoalChain>, 
/**
 * Every cited piece of evidence, by number.
 */
cited: Array<EvidenceItem>, 
/**
 * Findings, themes and quotes no goal cites.
 */
uncited: Array<EvidenceItem>, };

export type TrashEntry = { id: string, 
/**
 * What it was: "Channel", "Interview", "KPI"…
 */
kind: string, 
/**
 * How the strategist knew it, e.g. Channel “Discord”.
 */
label: string, deletedAt: string, 
/**
 * Whole days until it is purged (0 on its last day).
 */
daysLeft: number, 
/**
 * How many rows it holds, the record included.
 */
rows: number, };

export type Trend = "better" | "worse" | "same" | "unknown";

export type TrendChart = { 
/**
 * Measurements, oldest first.
 */
actual: Array<ChartPoint>, 
/**
 * The straight line from baseline to target.
 */
expected: Array<ChartPoint>, 
/**
 * Height of the target line.
 */
targetY: number, targetLabel: string, 
/**
 * Where today falls, when inside the chart.
 */
todayX: number | null, xTicks: Array<Tick>, yTicks: Array<Tick>, };

export type UnreadableFile = { path: string, fileName: string, problem: string, };

export type Vocabulary = { channelKinds: Array<Choice<ChannelKind>>, ownership: Array<Choice<Ownership>>, importance: Array<Choice<Importance>>, peerKinds: Array<Choice<PeerKind>>, metrics: Array<Choice<Metric>>, 
/**
 * The four maturity stages, stage 1 first.
 */
stages: Array<string>, };

export type Vote = { participantId: string, ideaId: string, dots: number, };

export type Warning = { kind: WarningKind, 
/**
 * Plain English, ready to show.
 */
message: string, 
/**
 * The section it concerns, when there is one.
 */
section: string | null, };

export type WarningKind = "missingGlyphs" | "emptySection" | "summarised" | "incomplete";

export type WorkbookListing = { 
/**
 * Most recently edited first.
 */
workbooks: Array<WorkbookSummary>, unreadable: Array<UnreadableFile>, };

export type WorkbookSummary = { path: string, fileName: string, name: string, organisation: string, updatedAt: string, readOnly: boolean, 
/**
 * Why it is read-only, when that is not the file's own permissions.
 */
readOnlyReason?: string | null, 
/**
 * Where it is open for editing, when it is: "in another Groundwork window (process 4242)".
 * Only the home screen's list asks; it may not be deleted or renamed meanwhile.
 */
openElsewhere?: string | null, };

