//! `pathways import intakes FILE` and `pathways export intakes`: the intake form's spreadsheet
//! export in, and the same format (plus status and dates) out, so an export imports back unchanged.
//!
//! The import plans every row against an in-memory copy of the database first (hash lookups, no
//! scans per row), then stores all good rows in one transaction: a crash leaves nothing half done.

use crate::dataset::Dataset;
use crate::domain::*;
use crate::store::{Store, StoreError};
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// Why a file could not be imported at all (exit status 2; nothing stored).
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{path}: {reason}")]
    Unreadable { path: String, reason: String },
    #[error("{0}")]
    Store(#[from] StoreError),
}

/// One rejected row: the file line it starts on and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    pub line: u64,
    pub reason: String,
}

impl std::fmt::Display for Rejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.reason)
    }
}

/// What an import did (or, for a dry run, would do).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub imported: usize,
    pub duplicates: usize,
    pub rejected: Vec<Rejection>,
    /// Locations the database did not know, added for the team to review.
    pub new_locations: Vec<String>,
    pub new_chapters: Vec<String>,
    pub new_employees: usize,
    pub dry_run: bool,
}

impl ImportSummary {
    /// The last line the command prints.
    pub fn summary_line(&self) -> String {
        format!(
            "imported {}, duplicates skipped {}, rejected {}{}",
            self.imported,
            self.duplicates,
            self.rejected.len(),
            if self.dry_run {
                " (dry run: nothing stored)"
            } else {
                ""
            }
        )
    }

    /// Every line of the report: rejections, reference-list additions, then the summary.
    pub fn lines(&self) -> Vec<String> {
        let mut out: Vec<String> = self.rejected.iter().map(ToString::to_string).collect();
        for l in &self.new_locations {
            out.push(format!("new location added (please review): {l}"));
        }
        for c in &self.new_chapters {
            out.push(format!("new chapter added (please review): {c}"));
        }
        out.push(self.summary_line());
        out
    }
}

/// The import's and export's column names, in export order.
mod col {
    pub const EMPLOYEE_ID: &str = "Employee ID";
    pub const FIRST: &str = "First Name";
    pub const LAST: &str = "Last Name";
    pub const EMAIL: &str = "Email";
    pub const POSITION: &str = "Position";
    pub const LOCATION: &str = "Location";
    pub const CHAPTER: &str = "Chapter";
    pub const SERVICES: &str = "Services";
    pub const SUBMITTED: &str = "Submitted";
    pub const NOTES: &str = "Notes";
    // Written by export (and read back when present).
    pub const SOURCE: &str = "Source";
    pub const OWNER: &str = "Owner";
    pub const NEXT_STEP: &str = "Next Step";
    pub const NEXT_STEP_DUE: &str = "Next Step Due";
    pub const STATUS: &str = "Status";
    pub const CLOSE_REASON: &str = "Close Reason";
    pub const CONTACTED: &str = "Contacted";
    pub const SCHEDULED: &str = "Consultation Scheduled";
    pub const ESTABLISHED: &str = "Relationship Established";
    pub const CLOSED: &str = "Closed";
    pub const EVENT_DATE: &str = "Event Date";
    pub const EVENT_LOCATION: &str = "Event Location";

    pub const ALL: &[&str] = &[
        EMPLOYEE_ID,
        FIRST,
        LAST,
        EMAIL,
        POSITION,
        LOCATION,
        CHAPTER,
        SERVICES,
        SUBMITTED,
        NOTES,
        SOURCE,
        OWNER,
        NEXT_STEP,
        NEXT_STEP_DUE,
        STATUS,
        CLOSE_REASON,
        CONTACTED,
        SCHEDULED,
        ESTABLISHED,
        CLOSED,
        EVENT_DATE,
        EVENT_LOCATION,
    ];
}

/// The status columns after Received, in status order.
const STATUS_COLUMNS: [(IntakeStatus, &str); 4] = [
    (IntakeStatus::Contacted, col::CONTACTED),
    (IntakeStatus::ConsultationScheduled, col::SCHEDULED),
    (IntakeStatus::RelationshipEstablished, col::ESTABLISHED),
    (IntakeStatus::Closed, col::CLOSED),
];

/// `pathways import intakes FILE [--dry-run]`.
pub fn run_import(db: &Path, file: &Path, dry_run: bool) -> ExitCode {
    let store = match super::open_existing(db) {
        Ok(s) => s,
        Err(code) => return code,
    };
    match import(&store, file, dry_run) {
        Ok(summary) => {
            let mut out = std::io::stdout().lock();
            for line in summary.lines() {
                let _ = writeln!(out, "{line}");
            }
            if summary.rejected.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        Err(e) => super::fail(format!("{e} (nothing was imported)")),
    }
}

/// Imports the intake form's CSV export at `path` into `store`: every good row in one transaction,
/// bad rows reported by line, the same submission never stored twice. `dry_run` stores nothing.
pub fn import(store: &Store, path: &Path, dry_run: bool) -> Result<ImportSummary, ImportError> {
    let unreadable = |reason: String| ImportError::Unreadable {
        path: path.display().to_string(),
        reason,
    };
    let bytes = std::fs::read(path).map_err(|e| unreadable(format!("cannot read it: {e}")))?;
    let (data, _problems) = store.load()?;
    let plan = plan(&data, &bytes).map_err(unreadable)?;
    let mut summary = plan.summary.clone();
    summary.dry_run = dry_run;
    if !dry_run && !plan.intakes.is_empty() {
        store.write(|txn| plan.apply(txn))?;
    }
    Ok(summary)
}

/// A reference to an employee, location or pop-up event that exists or that this import adds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Ref {
    Existing(Id),
    New(usize),
}

struct NewEmployee {
    employee: Employee,
    location: Option<Ref>,
}

struct NewPopup {
    date: NaiveDate,
    location: Ref,
}

struct PlannedIntake {
    intake: Intake,
    employee: Ref,
    popup: Option<Ref>,
}

#[derive(Default)]
struct Plan {
    locations: Vec<Location>,
    employees: Vec<NewEmployee>,
    popups: Vec<NewPopup>,
    intakes: Vec<PlannedIntake>,
    summary: ImportSummary,
}

impl Plan {
    /// Stores the plan; ids of new records are assigned here, in file order.
    fn apply(&self, txn: &mut crate::store::Txn) -> crate::store::Result<()> {
        let mut location_ids = Vec::with_capacity(self.locations.len());
        for l in &self.locations {
            let mut l = l.clone();
            location_ids.push(txn.insert(&mut l)?);
        }
        let resolve_location = |r: Ref| match r {
            Ref::Existing(id) => id,
            Ref::New(i) => location_ids[i],
        };
        let mut employee_ids = Vec::with_capacity(self.employees.len());
        for e in &self.employees {
            let mut employee = e.employee.clone();
            employee.location_id = e.location.map(resolve_location);
            employee_ids.push(txn.insert(&mut employee)?);
        }
        let mut popup_ids = Vec::with_capacity(self.popups.len());
        for p in &self.popups {
            let mut event = PopUpEvent {
                id: 0,
                date: p.date,
                location_id: resolve_location(p.location),
                note: String::new(),
            };
            popup_ids.push(txn.insert(&mut event)?);
        }
        for planned in &self.intakes {
            let mut intake = planned.intake.clone();
            intake.employee_id = match planned.employee {
                Ref::Existing(id) => id,
                Ref::New(i) => employee_ids[i],
            };
            intake.popup_event_id = planned.popup.map(|r| match r {
                Ref::Existing(id) => id,
                Ref::New(i) => popup_ids[i],
            });
            txn.insert(&mut intake)?;
        }
        Ok(())
    }
}

/// Lookups built once from the database, then grown as rows add people and places.
struct Lookups {
    by_number: HashMap<String, Ref>,
    by_email: HashMap<String, Ref>,
    locations: HashMap<String, Ref>,
    chapters: HashMap<String, String>,
    popups: HashMap<(NaiveDate, Ref), Ref>,
    submissions: HashSet<(Ref, NaiveDate)>,
}

impl Lookups {
    fn new(data: &Dataset) -> Self {
        let mut by_number = HashMap::new();
        let mut by_email = HashMap::new();
        let mut chapters = HashMap::new();
        for e in &data.employees {
            let number = e.employee_number.trim();
            if !number.is_empty() {
                by_number.entry(number.to_string()).or_insert(Ref::Existing(e.id));
            }
            let email = e.email.trim().to_lowercase();
            if !email.is_empty() {
                by_email.entry(email).or_insert(Ref::Existing(e.id));
            }
            chapters
                .entry(e.chapter.to_lowercase())
                .or_insert_with(|| e.chapter.clone());
        }
        chapters.insert(NO_CHAPTER.to_lowercase(), NO_CHAPTER.to_string());
        Lookups {
            by_number,
            by_email,
            locations: data
                .locations
                .iter()
                .map(|l| (l.name.trim().to_lowercase(), Ref::Existing(l.id)))
                .collect(),
            chapters,
            popups: data
                .popups
                .iter()
                .map(|p| ((p.date, Ref::Existing(p.location_id)), Ref::Existing(p.id)))
                .collect(),
            submissions: data
                .intakes
                .iter()
                .map(|i| (Ref::Existing(i.employee_id), i.received))
                .collect(),
        }
    }
}

/// Column positions found in the header row.
struct Columns(HashMap<&'static str, usize>);

impl Columns {
    fn find(headers: &[String]) -> Result<Columns, String> {
        let mut found = HashMap::new();
        for (i, h) in headers.iter().enumerate() {
            let h = h.trim_start_matches('\u{feff}').trim();
            if let Some(name) = col::ALL.iter().find(|n| n.eq_ignore_ascii_case(h)) {
                found.entry(*name).or_insert(i);
            }
        }
        let mut missing: Vec<&str> = [col::FIRST, col::LAST, col::SUBMITTED, col::SERVICES]
            .into_iter()
            .filter(|n| !found.contains_key(n))
            .collect();
        if !found.contains_key(col::EMPLOYEE_ID) && !found.contains_key(col::EMAIL) {
            missing.insert(0, "Employee ID or Email");
        }
        if missing.is_empty() {
            Ok(Columns(found))
        } else {
            Err(format!(
                "not an intake form export: missing column(s) {}",
                missing.join(", ")
            ))
        }
    }

    fn get<'a>(&self, row: &'a [String], name: &str) -> &'a str {
        self.0
            .get(name)
            .and_then(|&i| row.get(i))
            .map(|s| s.trim())
            .unwrap_or("")
    }

    fn has(&self, name: &str) -> bool {
        self.0.contains_key(name)
    }
}

fn plan(data: &Dataset, bytes: &[u8]) -> Result<Plan, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(false)
        .from_reader(bytes);
    let mut records = reader.byte_records();
    let header = match records.next() {
        None => return Err("the file is empty (no header row)".into()),
        Some(Err(e)) => return Err(format!("cannot read the header row: {e}")),
        Some(Ok(h)) => h,
    };
    let header: Vec<String> = header
        .iter()
        .map(|f| String::from_utf8_lossy(f).into_owned())
        .collect();
    let columns = Columns::find(&header)?;
    let mut lookups = Lookups::new(data);
    let mut plan = Plan::default();
    for record in records {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| p.line()).unwrap_or(0);
                // A broken quote swallows the rest of the file: nothing after it can be trusted.
                return Err(format!("line {line}: cannot read the file: {e}"));
            }
        };
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        let mut row = Vec::with_capacity(record.len());
        let mut bad_text = false;
        for field in record.iter() {
            match std::str::from_utf8(field) {
                Ok(s) => row.push(s.to_string()),
                Err(_) => {
                    bad_text = true;
                    row.push(String::new());
                }
            }
        }
        if row.iter().all(|f| f.trim().is_empty()) && !bad_text {
            continue; // spreadsheets end with blank rows
        }
        if bad_text {
            plan.summary.rejected.push(Rejection {
                line,
                reason: "not UTF-8 text; save the file as CSV UTF-8".into(),
            });
            continue;
        }
        match plan_row(&columns, &row, &mut lookups, &mut plan) {
            Ok(true) => plan.summary.imported += 1,
            Ok(false) => plan.summary.duplicates += 1,
            Err(reason) => plan.summary.rejected.push(Rejection { line, reason }),
        }
    }
    plan.summary.new_locations = plan.locations.iter().map(|l| l.name.clone()).collect();
    plan.summary.new_employees = plan.employees.len();
    Ok(plan)
}

/// A row's values, checked, before anything is looked up or added.
struct RowValues {
    number: String,
    email: String,
    intake: Intake,
}

/// Checks one row. Ok(true): planned; Ok(false): a duplicate; Err: why it is rejected.
fn plan_row(c: &Columns, row: &[String], lk: &mut Lookups, plan: &mut Plan) -> Result<bool, String> {
    let values = check_row(c, row)?;
    let existing = lookup_employee(lk, &values.number, &values.email);
    let new_employee = match existing {
        Some(_) => None,
        None => {
            let employee = Employee {
                id: 0,
                employee_number: values.number.clone(),
                first_name: c.get(row, col::FIRST).to_string(),
                last_name: c.get(row, col::LAST).to_string(),
                email: values.email.clone(),
                position: c.get(row, col::POSITION).to_string(),
                location_id: None,
                chapter: NO_CHAPTER.to_string(),
                race: Race::Unknown,
                hire_date: None,
                position_start: None,
                status: EmploymentStatus::Permanent,
                in_evaluation: false,
                retirement_date: None,
                supervisor_id: None,
            };
            employee
                .validate()
                .map_err(|e| format!("{}: {}", column_of(e.field), e.reason))?;
            Some(employee)
        }
    };
    let received = values.intake.received;
    if let Some(r) = existing
        && lk.submissions.contains(&(r, received))
    {
        return Ok(false);
    }
    let event = match (c.get(row, col::EVENT_DATE), c.get(row, col::EVENT_LOCATION)) {
        ("", _) | (_, "") => None,
        (d, l) => Some((parse_date(d).map_err(|e| format!("{}: {e}", col::EVENT_DATE))?, l)),
    };
    // The row is good: only now does it add to the reference lists.
    let employee_ref = match (existing, new_employee) {
        (Some(r), _) => r,
        (None, None) => return Err("internal: no employee".into()),
        (None, Some(mut employee)) => {
            let location = add_location(lk, plan, c.get(row, col::LOCATION));
            employee.chapter = add_chapter(lk, plan, c.get(row, col::CHAPTER));
            let r = Ref::New(plan.employees.len());
            if !values.number.is_empty() {
                lk.by_number.insert(values.number.clone(), r);
            }
            if !values.email.is_empty() {
                lk.by_email.insert(values.email.to_lowercase(), r);
            }
            plan.employees.push(NewEmployee { employee, location });
            r
        }
    };
    let popup = match event {
        None => None,
        Some((date, name)) => add_location(lk, plan, name).map(|location| {
            *lk.popups.entry((date, location)).or_insert_with(|| {
                plan.popups.push(NewPopup { date, location });
                Ref::New(plan.popups.len() - 1)
            })
        }),
    };
    lk.submissions.insert((employee_ref, received));
    plan.intakes.push(PlannedIntake {
        intake: values.intake,
        employee: employee_ref,
        popup,
    });
    Ok(true)
}

fn lookup_employee(lk: &Lookups, number: &str, email: &str) -> Option<Ref> {
    let by_number = (!number.is_empty()).then(|| lk.by_number.get(number)).flatten();
    by_number
        .or_else(|| {
            (!email.is_empty())
                .then(|| lk.by_email.get(&email.to_lowercase()))
                .flatten()
        })
        .copied()
}

/// A location by name, adding it (for review) if the database does not know it yet.
fn add_location(lk: &mut Lookups, plan: &mut Plan, name: &str) -> Option<Ref> {
    let name = name.trim();
    if name.is_empty() {
        return None;
    }
    let key = name.to_lowercase();
    if let Some(r) = lk.locations.get(&key) {
        return Some(*r);
    }
    let r = Ref::New(plan.locations.len());
    plan.locations.push(Location {
        id: 0,
        name: name.to_string(),
        kind: guess_location_kind(name),
        employees: 0,
    });
    lk.locations.insert(key, r);
    Some(r)
}

fn add_chapter(lk: &mut Lookups, plan: &mut Plan, name: &str) -> String {
    let name = name.trim();
    if name.is_empty() {
        return NO_CHAPTER.into();
    }
    let key = name.to_lowercase();
    if let Some(known) = lk.chapters.get(&key) {
        return known.clone();
    }
    lk.chapters.insert(key, name.to_string());
    plan.summary.new_chapters.push(name.to_string());
    name.to_string()
}

/// A new location's kind from its name; the team corrects it when reviewing.
fn guess_location_kind(name: &str) -> LocationKind {
    let n = name.to_lowercase();
    if n.contains("elementary") {
        LocationKind::Elementary
    } else if n.contains("middle") {
        LocationKind::Middle
    } else if n.contains("high") {
        LocationKind::High
    } else if n.contains("depot") || n.contains("transportation") {
        LocationKind::Depot
    } else if n.contains("service center") {
        LocationKind::ServiceCenter
    } else if n.contains("school") || n.contains("academy") {
        LocationKind::Special
    } else {
        LocationKind::Office
    }
}

/// The import's column name for a domain field name, for messages.
fn column_of(field: &str) -> &str {
    match field {
        "first name" => col::FIRST,
        "last name" => col::LAST,
        "employee id" => "Employee ID or Email",
        "email" => col::EMAIL,
        "services" => col::SERVICES,
        "next step due" => col::NEXT_STEP_DUE,
        "close reason" => col::CLOSE_REASON,
        other => other,
    }
}

/// Parses "a; b; c" into services; unknown names become "other" with their text.
pub fn parse_services(text: &str) -> (Vec<Service>, String) {
    let mut services = Vec::new();
    let mut other = Vec::new();
    for part in text.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let s = Service::parse(part).unwrap_or_else(|| {
            if !other.iter().any(|o: &String| o.eq_ignore_ascii_case(part)) {
                other.push(part.to_string());
            }
            Service::Other
        });
        if !services.contains(&s) {
            services.push(s);
        }
    }
    (services, other.join(", "))
}

fn check_row(c: &Columns, row: &[String]) -> Result<RowValues, String> {
    let number = c.get(row, col::EMPLOYEE_ID).to_string();
    let email = c.get(row, col::EMAIL).to_string();
    if c.get(row, col::FIRST).is_empty() {
        return Err(format!("{} is empty", col::FIRST));
    }
    if c.get(row, col::LAST).is_empty() {
        return Err(format!("{} is empty", col::LAST));
    }
    if number.is_empty() && email.is_empty() {
        return Err("needs an Employee ID or an Email; both are empty".into());
    }
    if !email.is_empty() && !is_plausible_email(&email) {
        return Err(format!(
            "{} \"{}\" is not an email address (name@district.org)",
            col::EMAIL,
            truncate_for_message(&email)
        ));
    }
    let received = parse_date(c.get(row, col::SUBMITTED)).map_err(|e| format!("{}: {e}", col::SUBMITTED))?;
    let (services, other_service) = parse_services(c.get(row, col::SERVICES));
    if services.is_empty() {
        return Err(format!("{}: no service requested", col::SERVICES));
    }
    let source = match c.get(row, col::SOURCE) {
        "" => IntakeSource::Form,
        s => IntakeSource::parse(s).ok_or_else(|| {
            format!(
                "{} \"{}\" is not one of: {}",
                col::SOURCE,
                truncate_for_message(s),
                labels::<IntakeSource>()
            )
        })?,
    };
    let mut intake = Intake::new(0, received, source);
    intake.services = services;
    intake.other_service = other_service;
    intake.notes = c.get(row, col::NOTES).to_string();
    intake.owner = c.get(row, col::OWNER).to_string();
    intake.next_step = c.get(row, col::NEXT_STEP).to_string();
    intake.next_step_due = parse_optional_date(c.get(row, col::NEXT_STEP_DUE))
        .map_err(|e| format!("{}: {e}", col::NEXT_STEP_DUE))?;
    if c.has(col::STATUS) {
        read_status(c, row, &mut intake)?;
    }
    intake
        .validate()
        .map_err(|e| format!("{}: {}", column_of(e.field), e.reason))?;
    Ok(RowValues {
        number,
        email,
        intake,
    })
}

/// The export's status, close reason and status dates, rebuilt into the intake's history.
fn read_status(c: &Columns, row: &[String], intake: &mut Intake) -> Result<(), String> {
    let status = match c.get(row, col::STATUS) {
        "" => IntakeStatus::Received,
        s => IntakeStatus::parse(s).ok_or_else(|| {
            format!(
                "{} \"{}\" is not one of: {}",
                col::STATUS,
                truncate_for_message(s),
                labels::<IntakeStatus>()
            )
        })?,
    };
    for (st, name) in STATUS_COLUMNS {
        if let Some(date) = parse_optional_date(c.get(row, name)).map_err(|e| format!("{name}: {e}"))? {
            if st > status {
                return Err(format!("{name} has a date but the status is {status}"));
            }
            intake.history.push(StatusChange { status: st, date });
        }
    }
    if !intake.history.iter().any(|h| h.status == status) {
        // A hand-made file may give a status without its date: count it from Submitted.
        intake.history.push(StatusChange {
            status,
            date: intake.received,
        });
    }
    intake.status = status;
    intake.close_reason = match c.get(row, col::CLOSE_REASON) {
        "" => None,
        s => Some(CloseReason::parse(s).ok_or_else(|| {
            format!(
                "{} \"{}\" is not one of: {}",
                col::CLOSE_REASON,
                truncate_for_message(s),
                labels::<CloseReason>()
            )
        })?),
    };
    if status != IntakeStatus::Closed {
        intake.close_reason = None;
    }
    Ok(())
}

fn labels<T: Choice>() -> String {
    T::ALL.iter().map(|c| c.label()).collect::<Vec<_>>().join(", ")
}

/// `pathways export intakes [--out FILE]`.
pub fn export(db: &Path, out: Option<&Path>) -> ExitCode {
    let data = match super::load(db) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let result = match out {
        Some(path) => match crate::store::create_private_file(path) {
            Ok(file) => write_csv(&data, std::io::BufWriter::new(file)),
            Err(e) => return super::fail(format!("{}: {e}", path.display())),
        },
        None => write_csv(&data, std::io::stdout().lock()),
    };
    match result {
        Ok(skipped) => {
            for id in skipped {
                eprintln!("pathways: intake #{id} skipped: its employee record is missing");
            }
            ExitCode::SUCCESS
        }
        Err(e) => super::fail(format!("export intakes: {e}")),
    }
}

/// Writes every intake as CSV with the import's headers plus status and dates. Returns the ids of
/// intakes left out because their employee record is missing.
pub fn write_csv(data: &Dataset, out: impl Write) -> Result<Vec<Id>, csv::Error> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(col::ALL)?;
    let mut skipped = Vec::new();
    for i in &data.intakes {
        let Some(e) = data.employee(i.employee_id) else {
            skipped.push(i.id);
            continue;
        };
        let services = i
            .services
            .iter()
            .map(|s| {
                if *s == Service::Other && !i.other_service.is_empty() {
                    // Read back as an unknown service: "other" with this text.
                    i.other_service.replace(';', ",")
                } else {
                    s.label().to_string()
                }
            })
            .collect::<Vec<_>>()
            .join("; ");
        let location = e
            .location_id
            .and_then(|id| data.location(id))
            .map(|l| l.name.as_str())
            .unwrap_or("");
        let popup = i
            .popup_event_id
            .and_then(|id| data.popups.iter().find(|p| p.id == id));
        let date = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        let mut record = vec![
            e.employee_number.clone(),
            e.first_name.clone(),
            e.last_name.clone(),
            e.email.clone(),
            e.position.clone(),
            location.to_string(),
            e.chapter.clone(),
            services,
            i.received.to_string(),
            i.notes.clone(),
            i.source.label().to_string(),
            i.owner.clone(),
            i.next_step.clone(),
            date(i.next_step_due),
            i.status.label().to_string(),
            i.close_reason.map(|r| r.label().to_string()).unwrap_or_default(),
        ];
        for (status, _) in STATUS_COLUMNS {
            record.push(date(i.date_of(status)));
        }
        record.push(date(popup.map(|p| p.date)));
        record.push(
            popup
                .and_then(|p| data.location(p.location_id))
                .map(|l| l.name.clone())
                .unwrap_or_default(),
        );
        w.write_record(&record)?;
    }
    w.flush()?;
    Ok(skipped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn services_split_match_and_keep_unknown_text() {
        let (s, other) = parse_services("Resume Review; career coaching;;pottery; RESUME REVIEW;");
        assert_eq!(
            s,
            vec![Service::ResumeReview, Service::CareerCoaching, Service::Other]
        );
        assert_eq!(other, "pottery");
        assert_eq!(parse_services(" ; ").0, vec![]);
    }

    #[test]
    fn headers_by_name_in_any_case_and_order() {
        let h: Vec<String> = [
            "  notes",
            "SUBMITTED",
            "services ",
            "Email",
            "last name",
            "First Name",
            "x",
        ]
        .map(String::from)
        .to_vec();
        let c = Columns::find(&h).unwrap();
        assert_eq!(c.0[col::SUBMITTED], 1);
        let h: Vec<String> = ["First Name", "Submitted"].map(String::from).to_vec();
        let err = Columns::find(&h).err().unwrap();
        assert!(err.contains("Employee ID or Email, Last Name, Services"), "{err}");
    }

    #[test]
    fn location_kinds_are_guessed_from_names() {
        assert_eq!(
            guess_location_kind("Lincoln Elementary"),
            LocationKind::Elementary
        );
        assert_eq!(guess_location_kind("North Depot"), LocationKind::Depot);
        assert_eq!(guess_location_kind("Payroll"), LocationKind::Office);
    }
}
