//! Command-line entry: `score`, `check`, `metrics`, `progress`, `report`, `export`, `import`,
//! `profiles`, `review`, `synth`; bare `jixiao [FILE]` opens the window.

use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};
use serde::Serialize;

use crate::calc::ScoreBreakdown;
use crate::model::{Workspace, pick};
use crate::report::text;
use crate::store;

/// The bundled sample (now in `crate::sample`, below the window and the command line).
pub use crate::sample::{SAMPLE_NAME, SAMPLE_RON, sample_workspace};

#[derive(Parser, Debug)]
#[command(
    name = "jixiao",
    version = concat!(env!("CARGO_PKG_VERSION"), " (", env!("JIXIAO_COMMIT"), ")"),
    about = "绩效评价工作台：预算绩效评价（离线桌面版与命令行）",
    long_about = "绩效评价工作台：预算绩效评价。不带子命令时打开窗口；子命令在无窗口环境下使用同一套计算。"
)]
#[command(args_conflicts_with_subcommands = true)]
struct Cli {
    /// 要在窗口中打开的工作区文件（可省略：打开最近的工作区或内置样例）
    file: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// 得分明细：总体得分情况表、等级与各级指标得分
    Score {
        /// 工作区文件（.ron）
        file: PathBuf,
        /// 只输出这一项评价（评价 ID）
        #[arg(long)]
        evaluation: Option<String>,
        /// 以 JSON 输出
        #[arg(long)]
        json: bool,
        /// 按此评分方案重新计分（不改动文件；可用名称见 jixiao profiles）
        #[arg(long)]
        profile: Option<String>,
    },
    /// 勾稽检查：列出所有一致性问题（有问题也以 0 退出，只有文件无法读取时非 0）
    Check {
        file: PathBuf,
        #[arg(long)]
        json: bool,
        /// 按此评分方案重新计分后检查（不改动文件）
        #[arg(long)]
        profile: Option<String>,
    },
    /// 列出内置评分方案（--profile 可用的名称）
    Profiles,
    /// 预算指标：部门与各项目的执行率、调整率、拨付率等
    Metrics {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// 执行与拨付进度：各项目按日期的累计执行、拨付（至区县、至最终受益对象）与序时进度、预警状态
    Progress {
        file: PathBuf,
        /// 只输出这一个项目（项目 ID）
        #[arg(long)]
        project: Option<String>,
        /// 读取这一天的进度与预警（YYYY-MM-DD；默认项目年度的 12 月 31 日）
        #[arg(long, value_parser = parse_date_arg)]
        date: Option<chrono::NaiveDate>,
        #[arg(long)]
        json: bool,
    },
    /// 导入：从 xlsx/xls/ods/CSV 读入预算表、项目支出预算表、指标表或项目自评表（先核对，全部成功才写入）
    Import(ImportArgs),
    /// 批量复核：读取文件与文件夹（递归）中的全部项目支出绩效自评表，重新核算、评分，逐表列出与公布得分不符之处
    Review(ReviewArgs),
    /// 打印用得分汇总 PDF（不指定 --evaluation 时，工作区中的全部评价依次排入一个 PDF）
    Report {
        /// 工作区文件（.ron）
        file: PathBuf,
        /// 只输出这一项评价（评价 ID）
        #[arg(long)]
        evaluation: Option<String>,
        /// 输出的 PDF 文件
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
        /// 版式：summary（得分汇总表）或 selfeval（项目支出绩效自评表，仅用于项目自评）
        #[arg(long, value_enum, default_value_t = LayoutArg::Summary)]
        layout: LayoutArg,
        /// 附上勾稽检查结果
        #[arg(long)]
        checks: bool,
        /// 按此评分方案重新计分（不改动文件）
        #[arg(long)]
        profile: Option<String>,
    },
    /// 导出电子表格（xlsx）：得分表（含公式）与预算表
    Export {
        /// 工作区文件（.ron）
        file: PathBuf,
        /// 输出的 xlsx 文件
        #[arg(long)]
        xlsx: PathBuf,
    },
    /// 生成大型合成工作区（用于性能测试）
    Synth {
        /// 三级指标行数
        #[arg(long, default_value_t = 10_000)]
        indicators: usize,
        /// 功能分类预算行数
        #[arg(long = "budget-lines", default_value_t = 0)]
        budget_lines: usize,
        /// 输出文件
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
        /// 随机种子
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

/// `--layout` of `report`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum LayoutArg {
    /// 绩效评价得分汇总表
    Summary,
    /// 项目支出绩效自评表
    Selfeval,
}

/// Exit code when a file cannot be read or written.
const EXIT_FILE: i32 = 1;

/// Runs the command line with the process arguments and returns the exit code.
pub fn run() -> i32 {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr().lock();
    run_with(&args, &mut out, &mut err)
}

/// Runs the command line with the given arguments, writing to `out` and `err`.
pub fn run_with(
    args: &[std::ffi::OsString],
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
) -> i32 {
    let cli = match Cli::try_parse_from(args) {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = if e.use_stderr() {
                write!(err, "{e}")
            } else {
                write!(out, "{e}")
            };
            return code;
        }
    };
    let result = match cli.command {
        None => match crate::ui::run(cli.file) {
            Ok(()) => Ok(0),
            Err(e) => Err(e),
        },
        Some(Command::Score {
            file,
            evaluation,
            json,
            profile,
        }) => load_with(&file, profile.as_deref())
            .and_then(|ws| score_cmd(&ws, evaluation.as_deref(), json, out)),
        Some(Command::Check {
            file,
            json,
            profile,
        }) => load_with(&file, profile.as_deref()).and_then(|ws| check_cmd(&ws, json, out)),
        Some(Command::Profiles) => Ok(profiles_cmd(out)),
        Some(Command::Metrics { file, json }) => {
            load(&file).and_then(|ws| metrics_cmd(&ws, json, out))
        }
        Some(Command::Progress {
            file,
            project,
            date,
            json,
        }) => load(&file).and_then(|ws| progress_cmd(&ws, project.as_deref(), date, json, out)),
        Some(Command::Import(args)) => import_cmd(&args, out),
        Some(Command::Review(args)) => args.command().run(out).map_err(|e| e.to_string()),
        Some(Command::Report {
            file,
            evaluation,
            output,
            layout,
            checks,
            profile,
        }) => load_with(&file, profile.as_deref()).and_then(|ws| {
            let opts = crate::report::ReportOptions {
                layout: match layout {
                    LayoutArg::Summary => crate::report::ReportLayout::Summary,
                    LayoutArg::Selfeval => crate::report::ReportLayout::SelfEval,
                },
                annex_checks: checks,
            };
            report_cmd(&ws, evaluation.as_deref(), opts, &output, out)
        }),
        Some(Command::Export { file, xlsx }) => {
            load(&file).and_then(|ws| export_cmd(&ws, &xlsx, out))
        }
        Some(Command::Synth {
            indicators,
            budget_lines,
            output,
            seed,
        }) => synth_cmd(indicators, budget_lines, seed, &output, out),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            let _ = writeln!(err, "{message}");
            EXIT_FILE
        }
    }
}

fn load(path: &Path) -> Result<Workspace, String> {
    store::load_path(path).map_err(|e| format!("无法打开工作区：{e}"))
}

/// The shipped profile `--profile NAME` names, or a message listing the names.
pub fn profile_arg(name: &str) -> Result<crate::model::ScoringProfile, String> {
    crate::model::ScoringProfile::by_name(name).ok_or_else(|| {
        format!(
            "没有名为“{name}”的评分方案：可用 {}（jixiao profiles 列出说明）",
            crate::model::ScoringProfile::names().join("、")
        )
    })
}

/// Loads a workspace and, with `--profile`, scores every evaluation under that profile (in
/// memory only: the file is not changed).
fn load_with(path: &Path, profile: Option<&str>) -> Result<Workspace, String> {
    let chosen = profile.map(profile_arg).transpose()?;
    let mut ws = load(path)?;
    if let Some(p) = chosen {
        for e in &mut ws.evaluations {
            e.profile = p.clone();
        }
    }
    Ok(ws)
}

/// `jixiao profiles`: the shipped profiles, one per line.
fn profiles_cmd(out: &mut dyn std::io::Write) -> i32 {
    for p in crate::model::ScoringProfile::catalogue() {
        let made = (p.make)();
        let _ = writeln!(out, "{:<16}{}", p.key, made.name);
        let _ = writeln!(out, "{:<16}{}", "", p.what);
    }
    0
}

#[derive(Serialize)]
struct ScoreJson<'a> {
    evaluation_id: &'a str,
    evaluation_name: &'a str,
    kind: &'a str,
    year: i32,
    profile: &'a str,
    total: &'a crate::calc::TotalScore,
    level1: Vec<NodeJson<'a>>,
    nodes: Vec<NodeJson<'a>>,
    flags: Vec<String>,
    unscored: usize,
    /// 定性 rows waiting for the evaluator's judgement (unscored), by name.
    needs_judgement: Vec<&'a str>,
}

#[derive(Serialize)]
struct NodeJson<'a> {
    index: usize,
    level: u8,
    name: &'a str,
    weight: rust_decimal::Decimal,
    applicable_weight: rust_decimal::Decimal,
    score: rust_decimal::Decimal,
    computed: Option<rust_decimal::Decimal>,
    rate: Option<rust_decimal::Decimal>,
    rule: &'a str,
    target: &'a str,
    actual: Option<rust_decimal::Decimal>,
    linked: bool,
    not_applicable: bool,
    overridden: bool,
    explanation: String,
}

fn node_json<'a>(
    ws_ev: &'a crate::model::Evaluation,
    n: &'a crate::calc::NodeScore,
) -> NodeJson<'a> {
    NodeJson {
        index: n.index,
        level: n.level,
        name: n.name(ws_ev),
        weight: n.weight,
        applicable_weight: n.applicable_weight,
        score: n.score,
        computed: n.computed(),
        rate: n.rate(),
        rule: n.rule(ws_ev),
        target: ws_ev
            .indicators
            .get(n.index)
            .map_or("", |i| i.target.text.as_str()),
        actual: n.actual,
        linked: n.linked,
        not_applicable: n.not_applicable,
        overridden: n.overridden,
        explanation: n.explain(ws_ev).to_string(),
    }
}

fn score_cmd(
    ws: &Workspace,
    only: Option<&str>,
    json: bool,
    out: &mut dyn std::io::Write,
) -> Result<i32, String> {
    let evaluations = pick(&ws.evaluations, only, |e| &e.id, "评价").map_err(|e| e.to_string())?;
    // The same derived data the window shows (one breakdown per evaluation).
    let derived = crate::calc::derived::Derived::compute(ws, 0);
    let scored: Vec<(&crate::model::Evaluation, ScoreBreakdown)> = ws
        .evaluations
        .iter()
        .zip(derived.breakdowns)
        .filter(|(e, _)| evaluations.iter().any(|p| std::ptr::eq(*p, *e)))
        .collect();
    if json {
        let docs: Vec<ScoreJson> = scored
            .iter()
            .map(|(e, b)| ScoreJson {
                evaluation_id: &e.id,
                evaluation_name: &e.name,
                kind: e.kind.label(),
                year: e.year,
                profile: &e.profile.name,
                total: &b.total,
                level1: b.level1().map(|n| node_json(e, n)).collect(),
                nodes: b.nodes.iter().map(|n| node_json(e, n)).collect(),
                flags: text::flag_lines(e, b),
                unscored: b.unscored,
                needs_judgement: b.needs_judgement().map(|n| n.name(e)).collect(),
            })
            .collect();
        write_json(out, &docs)?;
    } else {
        for (i, (e, b)) in scored.iter().enumerate() {
            if i > 0 {
                let _ = writeln!(out, "\n{}\n", "=".repeat(60));
            }
            let _ = write!(out, "{}", text::score_text(ws, e, b));
        }
        if scored.is_empty() {
            let _ = writeln!(out, "工作区中没有评价。");
        }
    }
    Ok(0)
}

fn write_json<T: Serialize>(out: &mut dyn std::io::Write, value: &T) -> Result<(), String> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(|e| format!("输出 JSON 失败：{e}"))?;
    let _ = writeln!(out);
    Ok(())
}

fn check_cmd(ws: &Workspace, json: bool, out: &mut dyn std::io::Write) -> Result<i32, String> {
    let findings = crate::calc::derived::Derived::compute(ws, 0).findings;
    if json {
        #[derive(Serialize)]
        struct ChecksJson<'a> {
            tally: crate::calc::Tally,
            findings: &'a [crate::calc::Finding],
        }
        write_json(
            out,
            &ChecksJson {
                tally: crate::calc::Tally::of(&findings),
                findings: &findings,
            },
        )?;
    } else {
        let _ = write!(out, "{}", text::checks_text(&findings));
    }
    Ok(0)
}

#[derive(Serialize)]
struct MetricsJson<'a> {
    departments: Vec<DeptMetricsJson>,
    projects: Vec<ProjectMetricsJson<'a>>,
}

#[derive(Serialize)]
struct DeptMetricsJson {
    year: i32,
    metrics: Vec<crate::calc::metrics::MetricValue>,
}

#[derive(Serialize)]
struct ProjectMetricsJson<'a> {
    id: &'a str,
    name: &'a str,
    year: i32,
    execution_rate_adjusted: crate::calc::metrics::MetricValue,
    execution_rate_initial: crate::calc::metrics::MetricValue,
    execution_rate_received: crate::calc::metrics::MetricValue,
    metrics: Vec<crate::calc::metrics::MetricValue>,
}

fn metrics_cmd(ws: &Workspace, json: bool, out: &mut dyn std::io::Write) -> Result<i32, String> {
    use crate::calc::metrics::{department_metric, project_metric};
    use crate::model::{DepartmentMetric, ExecutionBase, ProjectMetric};
    if !json {
        let _ = write!(out, "{}", text::metrics_text(ws));
        return Ok(0);
    }
    let settings = text::department_settings(ws);
    let doc = MetricsJson {
        departments: ws
            .budgets
            .iter()
            .map(|b| DeptMetricsJson {
                year: b.year,
                metrics: DepartmentMetric::ALL
                    .iter()
                    .map(|&m| department_metric(b, &ws.department, m, settings))
                    .collect(),
            })
            .collect(),
        projects: ws
            .projects
            .iter()
            .map(|p| ProjectMetricsJson {
                id: &p.id,
                name: &p.name,
                year: p.year,
                execution_rate_adjusted: project_metric(
                    p,
                    ProjectMetric::ExecutionRate,
                    ExecutionBase::Adjusted,
                ),
                execution_rate_initial: project_metric(
                    p,
                    ProjectMetric::ExecutionRate,
                    ExecutionBase::Initial,
                ),
                execution_rate_received: project_metric(
                    p,
                    ProjectMetric::ExecutionRate,
                    ExecutionBase::Received,
                ),
                metrics: ProjectMetric::ALL[1..]
                    .iter()
                    .map(|&m| project_metric(p, m, ExecutionBase::Adjusted))
                    .collect(),
            })
            .collect(),
    };
    write_json(out, &doc)?;
    Ok(0)
}

/// Reads `--date`: `2021-07-31`.
fn parse_date_arg(s: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| format!("日期“{s}”无法识别：请写作 YYYY-MM-DD，如 2021-07-31"))
}

/// One project in `progress --json`: the series, the state on the chosen date and the notes
/// in words.
#[derive(Serialize)]
struct ProgressJson<'a> {
    #[serde(flatten)]
    series: &'a crate::calc::series::ProjectSeries,
    at: crate::calc::series::SeriesPoint,
    messages: Vec<String>,
}

fn progress_cmd(
    ws: &Workspace,
    only: Option<&str>,
    date: Option<chrono::NaiveDate>,
    json: bool,
    out: &mut dyn std::io::Write,
) -> Result<i32, String> {
    use crate::calc::series::project_series;
    let projects = pick(&ws.projects, only, |p| &p.id, "项目").map_err(|e| e.to_string())?;
    let series: Vec<_> = projects.iter().map(|p| project_series(ws, p)).collect();
    if json {
        let docs: Vec<ProgressJson> = series
            .iter()
            .map(|s| ProgressJson {
                series: s,
                at: date.map_or_else(|| s.year_end(), |d| s.state_at(d)),
                messages: s
                    .notes
                    .iter()
                    .map(crate::calc::series::SeriesNote::message)
                    .collect(),
            })
            .collect();
        write_json(out, &docs)?;
    } else {
        for (i, s) in series.iter().enumerate() {
            if i > 0 {
                let _ = writeln!(out);
            }
            let _ = write!(
                out,
                "{}",
                crate::report::progress_text::progress_text(s, date)
            );
        }
        if series.is_empty() {
            let _ = writeln!(out, "工作区中没有项目。");
        }
    }
    Ok(0)
}

/// The options of `jixiao import`.
#[derive(clap::Args, Debug)]
struct ImportArgs {
    /// 要导入的文件（.xlsx .xls .ods .csv）
    source: PathBuf,
    /// 导入到这个工作区文件（不存在则新建）
    #[arg(long)]
    into: PathBuf,
    /// 指定版式：functional（功能分类）、economic（经济分类）、three-public（三公经费）、projects（项目支出预算表）、indicators（指标表）、selfeval（项目支出绩效自评表）
    #[arg(long = "as", value_name = "LAYOUT")]
    layout: Option<String>,
    /// 工作表名称（默认：第一个能识别的工作表）
    #[arg(long)]
    sheet: Option<String>,
    /// 表中没有年度时使用的年度
    #[arg(long)]
    year: Option<i32>,
    /// CSV 编码：auto、utf-8、gbk
    #[arg(long, default_value = "auto")]
    encoding: String,
    /// 只显示预览，不写入
    #[arg(long = "dry-run")]
    dry_run: bool,
    /// 金额单位：元、万元或千元（表中未写明或前后不一致时必须指定；指定后以此为准）
    #[arg(long)]
    unit: Option<String>,
    /// 项目自评表的评分方案（默认 selfeval；可用名称见 jixiao profiles）
    #[arg(long)]
    profile: Option<String>,
}

/// The options of `jixiao review` (run by `crate::review::command`).
#[derive(clap::Args, Debug)]
struct ReviewArgs {
    /// 自评表文件或文件夹（文件夹中的 .xlsx .xls .ods .csv 递归读取）
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// 评分方案（内置方案的名称或其开头）；默认按各表读取时的方案
    #[arg(long)]
    profile: Option<String>,
    /// 金额单位：元、万元或千元（表中未注明或前后不一致时必须指定；指定后以此为准）
    #[arg(long)]
    unit: Option<String>,
    /// 写出复核汇总表（xlsx：汇总表与每张自评表一页）
    #[arg(long)]
    xlsx: Option<PathBuf>,
    /// 写出复核意见（PDF：每张自评表一份）
    #[arg(long)]
    pdf: Option<PathBuf>,
    /// 以 JSON 输出（金额与得分为十进制字符串）
    #[arg(long)]
    json: bool,
}

impl ReviewArgs {
    fn command(self) -> crate::review::command::Command {
        crate::review::command::Command {
            paths: self.paths,
            profile: self.profile,
            unit: self.unit,
            xlsx: self.xlsx,
            pdf: self.pdf,
            json: self.json,
        }
    }
}

/// Exit code when the import is refused (unreadable cells): the workspace is untouched.
const EXIT_IMPORT_REFUSED: i32 = 3;

fn import_cmd(args: &ImportArgs, out: &mut dyn std::io::Write) -> Result<i32, String> {
    use crate::import::{ImportOptions, Layout, TextEncoding};
    let layout = match &args.layout {
        None => None,
        Some(w) => Some(Layout::parse(w).ok_or_else(|| {
            let words: Vec<&str> = Layout::ALL.iter().map(|l| l.word()).collect();
            format!("--as 应为 {} 之一，而不是 \"{w}\"", words.join("、"))
        })?),
    };
    let encoding = TextEncoding::parse(&args.encoding).ok_or_else(|| {
        format!(
            "--encoding 应为 auto、utf-8 或 gbk，而不是 \"{}\"",
            args.encoding
        )
    })?;
    let ws = if args.into.exists() {
        load(&args.into)?
    } else {
        Workspace::default()
    };
    let source =
        crate::import::read(&args.source, encoding).map_err(|e| format!("无法导入：{e}"))?;
    let unit = match &args.unit {
        None => None,
        Some(u) => Some(
            crate::model::AmountUnit::from_label(u)
                .ok_or_else(|| format!("--unit 应为 元、万元 或 千元，而不是 \"{u}\""))?,
        ),
    };
    let profile = args.profile.as_deref().map(profile_arg).transpose()?;
    let opts = ImportOptions {
        layout,
        sheet: args.sheet.clone(),
        year: args.year,
        unit,
        profile,
        ..ImportOptions::default()
    };
    let plan = crate::import::plan(&ws, &source, &opts).map_err(|e| format!("无法导入：{e}"))?;
    let _ = write!(out, "{}", plan.summary_text());
    let _ = writeln!(out, "\n导入后新增的检查结果：");
    let _ = write!(out, "{}", text::checks_text(&plan.findings));
    if let Some(p) = plan
        .problems
        .iter()
        .find(|p| p.header == crate::import::plan::UNIT_HEADER)
    {
        let _ = writeln!(out, "\n金额单位不明，未导入；工作区未改动：{}", p.message);
        return Ok(EXIT_IMPORT_REFUSED);
    }
    if !plan.problems.is_empty() {
        let _ = writeln!(out, "\n有无法读取的单元格，未导入；工作区未改动。");
        return Ok(EXIT_IMPORT_REFUSED);
    }
    if plan.edits.is_empty() {
        let _ = writeln!(out, "\n没有可导入的内容；工作区未改动。");
        return Ok(EXIT_IMPORT_REFUSED);
    }
    if args.dry_run {
        let _ = writeln!(out, "\n（预览，未写入）");
        return Ok(0);
    }
    // The same batch the window's import applies, through the same document layer.
    let mut doc = crate::doc::Document::new(ws);
    doc.apply(plan.edit(), "导入")
        .map_err(|e| format!("无法导入：{e}"))?;
    store::save_path(&doc.ws, &args.into).map_err(|e| format!("无法保存工作区：{e}"))?;
    let _ = writeln!(out, "\n已导入到 {}", args.into.display());
    Ok(0)
}

fn report_cmd(
    ws: &Workspace,
    only: Option<&str>,
    opts: crate::report::ReportOptions,
    output: &Path,
    out: &mut dyn std::io::Write,
) -> Result<i32, String> {
    let (doc, bytes) = crate::report::report_pdf(ws, only, opts).map_err(|e| e.to_string())?;
    store::write_atomic(output, &bytes).map_err(|e| format!("无法写入 PDF：{e}"))?;
    let _ = writeln!(
        out,
        "已生成 PDF：{} 页，{} KB → {}",
        doc.pages.len(),
        bytes.len().div_ceil(1024),
        output.display()
    );
    Ok(0)
}

fn export_cmd(ws: &Workspace, output: &Path, out: &mut dyn std::io::Write) -> Result<i32, String> {
    let bytes = crate::report::xlsx::workbook_bytes(ws).map_err(|e| e.to_string())?;
    store::write_atomic(output, &bytes).map_err(|e| format!("无法写入电子表格：{e}"))?;
    let _ = writeln!(
        out,
        "已导出电子表格：{} 项评价 → {}",
        ws.evaluations.len(),
        output.display()
    );
    Ok(0)
}

fn synth_cmd(
    indicators: usize,
    budget_lines: usize,
    seed: u64,
    output: &Path,
    out: &mut dyn std::io::Write,
) -> Result<i32, String> {
    let spec = crate::synth::SynthSpec {
        indicators,
        budget_lines,
        seed,
        ..crate::synth::SynthSpec::default()
    };
    spec.check().map_err(|e| e.to_string())?;
    let ws = crate::synth::synth(&spec);
    store::save_path(&ws, output).map_err(|e| format!("无法保存合成工作区：{e}"))?;
    let _ = writeln!(
        out,
        "已生成合成工作区：{} 行指标，{} 行功能分类预算，{} 个项目 → {}",
        ws.evaluations
            .iter()
            .map(|e| e.indicators.len())
            .sum::<usize>(),
        ws.budgets
            .iter()
            .flat_map(|b| &b.functional)
            .map(|t| t.lines.len())
            .sum::<usize>(),
        ws.projects.len(),
        output.display()
    );
    Ok(0)
}
