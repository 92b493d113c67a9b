//! 导入计划: what an import would do to the workspace (rows added, rows skipped and why, cells
//! that cannot be read, the 合计 checks, and the consistency findings it would bring),
//! computed without touching the workspace, then applied all at once.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use crate::calc::checks::{Finding, run_all};
use crate::model::{AmountUnit, BudgetBook, Evaluation, Project, ScoringProfile, Workspace};

use super::ImportError;
use super::grid::Sheet;
use super::header::{Header, recognise};
use super::layout::{Field, Layout};
use super::read::Source;
use super::rows::{Cells, Problem, RowKind, RowNote};
use super::{economic, functional, indicators, projects, selfeval, three_public};

/// What the evaluator chose (command-line flags, or the preview's controls).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// 版式 (`--as`); `None` recognises it from the headers.
    pub layout: Option<Layout>,
    /// 工作表 (`--sheet`); `None` takes the first sheet with a recognisable table.
    pub sheet: Option<String>,
    /// 年度 when the table's title gives none.
    pub year: Option<i32>,
    /// Rows (0-based) the evaluator skips.
    pub skip_rows: BTreeSet<usize>,
    /// Column → field as remapped in the preview (same length as the header's columns).
    pub mapping: Option<Vec<Option<Field>>>,
    /// The unit the table is printed in, when it does not say (or says wrongly).
    pub unit: Option<AmountUnit>,
    /// The scoring profile of a 自评表's 项目自评 (`--profile`); `None` takes the 自评表 profile.
    pub profile: Option<ScoringProfile>,
}

/// The header of the problem that says a form's money unit is unknown or contradictory.
pub const UNIT_HEADER: &str = "金额单位";

/// One change to the workspace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// Replace the book at `index`, or add it (sorted by year) when `index` is `None`.
    Book {
        index: Option<usize>,
        book: Box<BudgetBook>,
    },
    /// Append these projects.
    Projects(Vec<Project>),
    /// Append this evaluation.
    Evaluation(Box<Evaluation>),
}

/// The preview of an import.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportPlan {
    pub file_name: String,
    /// The sheet read, and every sheet of the file (for the preview's choice).
    pub sheet: String,
    pub sheet_names: Vec<String>,
    /// The CSV encoding used, if a CSV.
    pub encoding: Option<&'static str>,
    pub layout: Layout,
    /// The recognised header (none for the 自评表 form).
    pub header: Option<Header>,
    pub year: i32,
    /// The unit the table is printed in, and whether the table said so.
    pub unit_from: AmountUnit,
    pub unit_stated: bool,
    pub rows: Vec<RowNote>,
    /// Cells that cannot be read: while there are any, nothing is imported.
    pub problems: Vec<Problem>,
    /// What the 合计/小计 checks of the import found.
    pub checks: Vec<String>,
    pub notes: Vec<String>,
    pub changes: Vec<Change>,
    /// Findings of `calc::checks::run_all` on the workspace with the import applied that the
    /// workspace did not have before.
    pub findings: Vec<Finding>,
}

impl ImportPlan {
    /// A plan of one sheet with nothing read yet (no rows, notes, changes or header).
    fn empty(
        source: &Source,
        sheet: &str,
        layout: Layout,
        year: i32,
        unit_from: AmountUnit,
        unit_stated: bool,
    ) -> Self {
        ImportPlan {
            file_name: source.file_name.clone(),
            sheet: sheet.to_owned(),
            sheet_names: Vec::new(),
            encoding: source.encoding,
            layout,
            header: None,
            year,
            unit_from,
            unit_stated,
            rows: Vec::new(),
            problems: Vec::new(),
            checks: Vec::new(),
            notes: Vec::new(),
            changes: Vec::new(),
            findings: Vec::new(),
        }
    }

    /// Whether the import can be applied (no unreadable cell, something to add).
    pub fn is_ready(&self) -> bool {
        self.problems.is_empty() && !self.changes.is_empty()
    }

    pub fn count(&self, kind: RowKind) -> usize {
        self.rows.iter().filter(|r| r.kind == kind).count()
    }

    /// The workspace with the import applied.
    pub fn apply(&self, ws: &Workspace) -> Workspace {
        let mut out = ws.clone();
        apply_changes(&mut out, &self.changes);
        out
    }

    /// The preview as text (command line).
    pub fn summary_text(&self) -> String {
        let mut out = String::new();
        let _ = write!(out, "文件：{}　工作表：{}", self.file_name, self.sheet);
        if let Some(e) = self.encoding {
            let _ = write!(out, "　编码：{e}");
        }
        let unit_refused = self.problems.iter().any(|p| p.header == UNIT_HEADER);
        let _ = writeln!(
            out,
            "\n识别为：{}　年度：{}　单位：{}{}",
            self.layout.label(),
            self.year,
            if unit_refused {
                "未定"
            } else {
                self.unit_from.label()
            },
            if self.unit_stated || unit_refused {
                ""
            } else {
                "（表中未注明，按此读取）"
            }
        );
        if let Some(h) = &self.header {
            let _ = writeln!(
                out,
                "表头：第 {}–{} 行",
                h.first_row + 1,
                h.first_row + h.rows
            );
            for (c, (label, field)) in h.labels.iter().zip(&h.mapping).enumerate() {
                if label.is_empty() && field.is_none() {
                    continue;
                }
                let _ = writeln!(
                    out,
                    "  {} 列 {} → {}",
                    super::grid::column_name(c),
                    label,
                    field.map_or("（不导入）", Field::label)
                );
            }
        }
        let _ = writeln!(
            out,
            "导入 {} 行，合计行 {} 行，跳过 {} 行。",
            self.count(RowKind::Added),
            self.count(RowKind::Total),
            self.count(RowKind::Skipped)
        );
        for r in self.rows.iter().filter(|r| r.kind != RowKind::Added) {
            let _ = writeln!(out, "  第 {} 行 {}：{}", r.row + 1, r.kind.label(), r.text);
        }
        for c in &self.checks {
            let _ = writeln!(out, "核对：{c}");
        }
        for n in &self.notes {
            let _ = writeln!(out, "说明：{n}");
        }
        if !self.problems.is_empty() {
            let _ = writeln!(
                out,
                "无法读取的单元格 {} 处（未导入任何内容）：",
                self.problems.len()
            );
            for p in &self.problems {
                let _ = writeln!(out, "  {p}");
            }
        }
        out
    }
}

fn apply_changes(ws: &mut Workspace, changes: &[Change]) {
    for c in changes {
        match c {
            Change::Book {
                index: Some(i),
                book,
            } => {
                if let Some(slot) = ws.budgets.get_mut(*i) {
                    *slot = (**book).clone();
                }
            }
            Change::Book { index: None, book } => {
                let at = book_insert_at(ws, book.year);
                ws.budgets.insert(at, (**book).clone());
            }
            Change::Projects(ps) => ws.projects.extend(ps.iter().cloned()),
            Change::Evaluation(e) => ws.evaluations.push((**e).clone()),
        }
    }
}

/// Where a new book of `year` goes (books are kept in year order).
pub fn book_insert_at(ws: &Workspace, year: i32) -> usize {
    ws.budgets
        .iter()
        .position(|b| b.year > year)
        .unwrap_or(ws.budgets.len())
}

/// Picks the sheet and builds the plan. Errors only when nothing can be recognised at all;
/// unreadable cells are listed in the plan's `problems`.
pub fn plan(
    ws: &Workspace,
    source: &Source,
    opts: &ImportOptions,
) -> Result<ImportPlan, ImportError> {
    let sheet_names: Vec<String> = source.sheets.iter().map(|s| s.name.clone()).collect();
    if source.sheets.is_empty() {
        return Err(ImportError::new(format!(
            "“{}”中没有工作表",
            source.file_name
        )));
    }
    let candidates: Vec<&Sheet> = match &opts.sheet {
        Some(name) => match source.sheets.iter().find(|s| &s.name == name) {
            Some(s) => vec![s],
            None => {
                return Err(ImportError::new(format!(
                    "“{}”中没有名为“{name}”的工作表；现有工作表：{}",
                    source.file_name,
                    sheet_names.join("、")
                )));
            }
        },
        None => source.sheets.iter().collect(),
    };
    let mut first_error = None;
    for sheet in candidates {
        match plan_sheet(ws, source, sheet, opts) {
            Ok(mut p) => {
                p.sheet_names.clone_from(&sheet_names);
                return Ok(p);
            }
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    Err(first_error.unwrap_or_else(|| ImportError::new("没有可导入的工作表")))
}

/// Plans the import of one sheet.
pub fn plan_sheet(
    ws: &Workspace,
    source: &Source,
    sheet: &Sheet,
    opts: &ImportOptions,
) -> Result<ImportPlan, ImportError> {
    let mut sheet = sheet.clone();
    sheet.fill_merges();
    let is_form = match opts.layout {
        Some(Layout::SelfEval) => true,
        Some(_) => false,
        None => selfeval::looks_like(&sheet),
    };
    if is_form {
        return Ok(plan_form(ws, source, &sheet, opts));
    }
    let mut header = recognise(&sheet, opts.layout).ok_or_else(|| {
        ImportError::new(format!(
            "工作表“{}”前 40 行中找不到可识别的表头（需要如“科目编码、科目名称、合计”，“项目名称、合计”，“一级指标、三级指标、分值”等列名）。可用 --as 指定版式，或检查是否选错了工作表",
            sheet.name
        ))
    })?;
    if let Some(m) = &opts.mapping
        && m.len() == header.mapping.len()
    {
        header.mapping.clone_from(m);
    }
    let has = |f: Field| header.mapping.contains(&Some(f));
    if !header.layout.is_satisfied(&has) {
        let missing: Vec<&str> = header
            .layout
            .fields()
            .iter()
            .filter(|f| !has(**f))
            .map(|f| f.label())
            .collect();
        return Err(ImportError::new(format!(
            "工作表“{}”按“{}”读取时缺少必需的列（未找到：{}）",
            sheet.name,
            header.layout.label(),
            missing.join("、")
        )));
    }
    let year = header
        .meta
        .year
        .or(opts.year)
        .or(Some(ws.meta.fiscal_year).filter(|y| *y > 0))
        .ok_or_else(|| {
            ImportError::new(format!(
                "工作表“{}”的标题中没有年度：请指定年度（命令行 --year）",
                sheet.name
            ))
        })?;
    let book_index = ws.budgets.iter().position(|b| b.year == year);
    let to = book_index.map_or(ws.meta.unit, |i| ws.budgets[i].unit);
    let unit_stated = header.meta.unit.is_some() && opts.unit.is_none();
    let from = opts.unit.or(header.meta.unit).unwrap_or(to);
    let mut plan = ImportPlan::empty(source, &sheet.name, header.layout, year, from, unit_stated);
    if from != to {
        plan.notes.push(format!(
            "表以{}为单位，按{}换算（精确换算，不舍入）",
            from.label(),
            to.label()
        ));
    }
    let mut cells = Cells::new(&sheet, &header, from, to);
    let mut book = book_index.map_or_else(
        || BudgetBook {
            year,
            unit: to,
            source: format!("导入：{}", source.file_name),
            ..BudgetBook::default()
        },
        |i| ws.budgets[i].clone(),
    );
    let mut book_changed = false;
    match header.layout {
        Layout::Functional => {
            let read = functional::read(&mut cells, &opts.skip_rows);
            plan.rows = read.rows;
            plan.notes.extend(read.notes);
            put_table(&mut book.functional, read.table, &mut plan.notes, |t| {
                &t.name
            });
            book_changed = true;
        }
        Layout::Economic => {
            let read = economic::read(&mut cells, &opts.skip_rows);
            plan.rows = read.rows;
            plan.notes.extend(read.notes);
            put_table(&mut book.economic, read.table, &mut plan.notes, |t| &t.name);
            book_changed = true;
        }
        Layout::ThreePublic => {
            let read = three_public::read(&mut cells, &opts.skip_rows, &book.three_public);
            plan.rows = read.rows;
            book.three_public = read.three;
            book_changed = true;
        }
        Layout::Projects => {
            let read = projects::read(&mut cells, &opts.skip_rows, year);
            plan.rows = read.rows;
            plan.checks = read.checks;
            let mut used: Vec<String> = ws.projects.iter().map(|p| p.id.clone()).collect();
            let mut fresh = Vec::new();
            for (mut p, row) in read.projects.into_iter().zip(read.project_rows) {
                if ws
                    .projects
                    .iter()
                    .any(|q| q.year == p.year && q.name == p.name)
                {
                    if let Some(note) = plan.rows.iter_mut().find(|n| n.row == row) {
                        note.kind = RowKind::Skipped;
                        note.text = format!("工作区中已有 {} 年项目“{}”", p.year, p.name);
                    }
                    continue;
                }
                p.id = unique_id(&mut used, &format!("{year}-p"));
                p.source = format!("导入：{} {}", source.file_name, sheet.name);
                fresh.push(p);
            }
            if let Some(total) = read.total
                && book.totals.initial.project.is_blank()
                && !total.is_blank()
            {
                book.totals.initial.project = total;
                plan.notes.push(format!(
                    "合计行 {} 记为 {year} 年部门年初项目支出（预算表中尚无此数），用于核对各项目之和",
                    total.value().map(crate::calc::num::thousands).unwrap_or_default()
                ));
                book_changed = true;
            }
            if !fresh.is_empty() {
                plan.changes.push(Change::Projects(fresh));
            }
        }
        Layout::Indicators => {
            let read = indicators::read(&mut cells, &opts.skip_rows);
            plan.rows = read.rows;
            let mut used: Vec<String> = ws.evaluations.iter().map(|e| e.id.clone()).collect();
            let name = format!("{year}年度{}", header.meta.title_or("绩效指标表（导入）"));
            let published =
                read.total
                    .and_then(|(_, score)| score)
                    .map(|t| crate::model::PublishedScore {
                        total: Some(t),
                        source: format!("导入：{} {} 合计行", source.file_name, sheet.name),
                        ..crate::model::PublishedScore::default()
                    });
            if !read.indicators.is_empty() {
                plan.changes.push(Change::Evaluation(Box::new(Evaluation {
                    id: unique_id(&mut used, &format!("{year}-e")),
                    name,
                    year,
                    profile: ScoringProfile::national(),
                    indicators: read.indicators,
                    published,
                    notes: format!("导入：{} {}", source.file_name, sheet.name),
                    ..Evaluation::default()
                })));
            }
        }
        Layout::SelfEval => {}
    }
    if book.published_decimals.is_none()
        && book_changed
        && let Some(d) = cells.book_decimals()
    {
        book.published_decimals = Some(d);
        plan.notes
            .push(format!("表中金额保留 {d} 位小数：勾稽检查按此计算舍入容差"));
    }
    plan.problems = cells.problems;
    if book_changed {
        plan.changes.insert(
            0,
            Change::Book {
                index: book_index,
                book: Box::new(book),
            },
        );
    }
    plan.header = Some(header);
    plan.findings = new_findings(ws, &plan);
    Ok(plan)
}

fn plan_form(ws: &Workspace, source: &Source, sheet: &Sheet, opts: &ImportOptions) -> ImportPlan {
    let mut used: Vec<String> = ws.projects.iter().map(|p| p.id.clone()).collect();
    let mut used_e: Vec<String> = ws.evaluations.iter().map(|e| e.id.clone()).collect();
    let year_hint = opts.year.or(Some(ws.meta.fiscal_year).filter(|y| *y > 0));
    let year = selfeval::fields::read(sheet, year_hint).year;
    let form_opts = selfeval::FormOptions {
        unit: opts.unit,
        year: year_hint,
        project_id: unique_id(&mut used, &format!("{year}-p")),
        evaluation_id: unique_id(&mut used_e, &format!("{year}-self")),
        profile: opts.profile.clone(),
    };
    let read = selfeval::read_form(sheet, &form_opts);
    let (unit_from, unit_stated) = match &read.unit {
        Ok(u) => (
            u.unit,
            match &u.source {
                selfeval::UnitSource::Stated(_) => true,
                selfeval::UnitSource::Chosen(m) => !m.is_empty(),
            },
        ),
        Err(_) => (AmountUnit::WanYuan, false),
    };
    // Unreadable cells of a form are listed with the checks (the evaluator imports the form to
    // judge it); only a money unit that cannot be decided stops the import.
    let mut problems = Vec::new();
    let mut checks: Vec<String> = read
        .problems
        .iter()
        .map(|p| format!("[无法读取] {p}"))
        .collect();
    if let Err(refusal) = &read.unit {
        problems.push(Problem {
            sheet: sheet.name.clone(),
            row: refusal.mentions.first().map_or(1, |m| m.row),
            column: String::new(),
            header: UNIT_HEADER.to_owned(),
            message: refusal.message.clone(),
        });
    }
    checks.extend(read.findings.iter().map(ToString::to_string));
    checks.extend(read.judgements.iter().map(|j| {
        format!(
            "[待判定] 第 {} 行“{}”：指标值“{}”，实际完成值“{}”（{}）",
            j.row, j.name, j.target, j.actual, j.why
        )
    }));
    let mut plan = ImportPlan {
        rows: read.rows,
        problems,
        checks,
        notes: read.notes,
        changes: vec![
            Change::Projects(vec![read.project]),
            Change::Evaluation(Box::new(read.evaluation)),
        ],
        ..ImportPlan::empty(
            source,
            &sheet.name,
            Layout::SelfEval,
            year,
            unit_from,
            unit_stated,
        )
    };
    plan.findings = new_findings(ws, &plan);
    plan
}

/// Adds a table, or replaces the one of the same name.
fn put_table<T>(
    tables: &mut Vec<T>,
    table: T,
    notes: &mut Vec<String>,
    name: impl Fn(&T) -> &String,
) {
    if let Some(i) = tables.iter().position(|t| name(t) == name(&table)) {
        notes.push(format!("替换工作区中已有的“{}”", name(&table)));
        tables[i] = table;
    } else {
        tables.push(table);
    }
}

fn unique_id(used: &mut Vec<String>, prefix: &str) -> String {
    let mut n = 1;
    loop {
        let id = format!("{prefix}{n:03}");
        if !used.contains(&id) {
            used.push(id.clone());
            return id;
        }
        n += 1;
    }
}

fn new_findings(ws: &Workspace, plan: &ImportPlan) -> Vec<Finding> {
    if plan.changes.is_empty() {
        return Vec::new();
    }
    let before = run_all(ws);
    let after = run_all(&plan.apply(ws));
    after.into_iter().filter(|f| !before.contains(f)).collect()
}
