//! Synthetic workspaces of any size, valid and scoreable, for benchmarks and `jixiao synth`.
//!
//! [`synth`] builds, from a [`SynthSpec`] and nothing else, one workspace that looks like an
//! evaluator's real work and passes the consistency rules of DESIGN.md:
//!
//! - one 部门整体 evaluation (id [`EVALUATION_ID`]) whose sheet has exactly
//!   `spec.indicators` rows in a 一级 → 二级 → 三级 outline. 分值 are exact hundredths: every
//!   parent's 分值 is the sum of its children's and the 一级 add up to 100 (a sheet with more
//!   than 10,000 三级 rows runs out of hundredths, so some of its rows get 分值 0; finer 分值
//!   would let a score rounded to 0.01 exceed its 分值). Every [`Rule`]
//!   variant occurs; actuals are typed or linked to department and project metrics that exist;
//!   some rows are 不适用 and some carry a manual override with its reason;
//! - one budget book whose 功能分类 table has exactly `spec.budget_lines` rows (a 合计 row first
//!   when there are at least 4, then 类/款/项 with 类 = Σ 款 = Σ 项 in every column), an 经济分类
//!   table that splits the same 人员经费 and 公用经费, 三公经费, 政府采购 and department totals
//!   (年初, 调增, 调减, 调整后, 执行, 结转结余) that agree with the tables and the projects;
//! - `spec.projects` projects whose 年初预算 add up to the table's 项目支出 (其他运转类 and
//!   特定目标类 separately), with cost items, disbursements by stage dated inside the fiscal
//!   year, and performance targets.
//!
//! The same spec always gives the same workspace: the only randomness is a `SplitMix64`
//! generator seeded from `spec.seed`. Money is built from integer cents, never from floats.

use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::model::{
    Actual, Amount, AmountUnit, Band, BudgetBook, CostCategory, CostItem, Deduction, Department,
    DepartmentMetric, DepartmentTotals, DeviationReason, Disbursement, DisbursementStage,
    EconomicLine, EconomicTable, EconomicTotals, Evaluation, EvaluationKind, FunctionalLine,
    FunctionalTable, Headcount, IncomeExpenditureSummary, Indicator, Likelihood, LineLevel, Meta,
    MetricRef, Monitoring, NamedAmount, PerformanceTarget, Procurement, Project, ProjectFunding,
    ProjectKind, ProjectMetric, QualitativeGrade, Rule, ScoreOverride, ScoringProfile, Split,
    Subject, Target, TargetCategory, ThreePublic, UnitIncome, Workspace,
};

/// Id of the one evaluation a synthetic workspace holds.
pub const EVALUATION_ID: &str = "synth-dept";

/// Name of the synthetic 功能分类 table (the one with `spec.budget_lines` rows).
pub const FUNCTIONAL_TABLE_NAME: &str = "部门支出总体情况表（功能分类）";

/// Largest indicator sheet [`synth`] builds; larger requests are cut to this.
pub const MAX_INDICATORS: usize = 1_000_000;

/// Largest 功能分类 table [`synth`] builds (3-digit 类 codes run out a little above it).
pub const MAX_BUDGET_LINES: usize = 1_000_000;

/// Most projects [`synth`] builds.
pub const MAX_PROJECTS: usize = 100_000;

/// What to generate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SynthSpec {
    /// Rows of the indicator sheet (一级, 二级 and 三级 together).
    pub indicators: usize,
    /// Rows of the 功能分类 table (合计, 类, 款 and 项 together).
    pub budget_lines: usize,
    /// Projects (项目支出).
    pub projects: usize,
    /// Seed of the generator: the same spec always gives the same workspace.
    pub seed: u64,
    /// 评价年度 and budget year.
    pub year: i32,
}

impl Default for SynthSpec {
    /// A sheet and a budget of ordinary size: 60 indicators, 120 budget lines, 8 projects.
    fn default() -> Self {
        SynthSpec {
            indicators: 60,
            budget_lines: 120,
            projects: 8,
            seed: 1,
            year: 2023,
        }
    }
}

impl SynthSpec {
    /// The default spec with these sizes (what `jixiao synth --indicators N --budget-lines M`
    /// asks for).
    pub fn new(indicators: usize, budget_lines: usize) -> SynthSpec {
        SynthSpec {
            indicators,
            budget_lines,
            ..SynthSpec::default()
        }
    }

    /// Says, in Chinese, why a spec is out of range; [`synth`] would cut it down instead.
    pub fn check(&self) -> Result<(), SynthError> {
        if self.indicators > MAX_INDICATORS {
            return Err(SynthError::Indicators(self.indicators));
        }
        if self.budget_lines > MAX_BUDGET_LINES {
            return Err(SynthError::BudgetLines(self.budget_lines));
        }
        if self.projects > MAX_PROJECTS {
            return Err(SynthError::Projects(self.projects));
        }
        if !(1900..=2999).contains(&self.year) {
            return Err(SynthError::Year(self.year));
        }
        Ok(())
    }
}

/// Why a synthetic workspace spec is refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SynthError {
    #[error("指标数 {0} 超过上限 {MAX_INDICATORS}")]
    Indicators(usize),
    #[error("预算表行数 {0} 超过上限 {MAX_BUDGET_LINES}")]
    BudgetLines(usize),
    #[error("项目数 {0} 超过上限 {MAX_PROJECTS}")]
    Projects(usize),
    #[error("年度 {0} 不在 1900–2999 之间")]
    Year(i32),
}

/// Builds the workspace a spec describes (sizes above the `MAX_*` limits are cut to them).
pub fn synth(spec: &SynthSpec) -> Workspace {
    let spec = SynthSpec {
        indicators: spec.indicators.min(MAX_INDICATORS),
        budget_lines: spec.budget_lines.min(MAX_BUDGET_LINES),
        projects: spec.projects.min(MAX_PROJECTS),
        seed: spec.seed,
        year: spec.year.clamp(1900, 2999),
    };
    let mut rng = Rng::new(spec.seed);
    let year = spec.year;
    let department = department();
    let book = budget_book(&spec, &mut rng);
    let projects = projects(&spec, &book.grand, &mut rng);
    let budget = finish_book(&spec, book, &projects, &mut rng);
    let indicators = indicator_sheet(&spec, &projects, &mut rng);
    let evaluation = Evaluation {
        id: EVALUATION_ID.to_owned(),
        name: format!("{year} 年度{}部门整体支出绩效评价（合成）", department.name),
        year,
        subject: Subject::Department,
        kind: EvaluationKind::DepartmentWhole,
        profile: ScoringProfile::national(),
        indicators,
        findings: vec![
            "部分项目资金拨付至最终受益对象的进度慢于序时进度。".to_owned(),
            "个别绩效目标设定偏低，未能充分反映年度工作任务。".to_owned(),
        ],
        recommendations: vec![
            "加快资金拨付，按月跟踪拨付至企业的进度。".to_owned(),
            "结合上年实际完成值科学设定绩效目标。".to_owned(),
        ],
        evaluator: "合成数据评价组".to_owned(),
        date: NaiveDate::from_ymd_opt(year + 1, 3, 31),
        monitoring_date: None,
        published: None,
        notes: "由 jixiao synth 生成的合成数据，仅用于测试与性能评估。".to_owned(),
        ..Evaluation::default()
    };
    Workspace {
        meta: Meta {
            title: format!("{} {year} 年度绩效评价（合成数据）", department.name),
            fiscal_year: year,
            evaluator: "合成数据评价组".to_owned(),
            organization: "jixiao synth".to_owned(),
            unit: AmountUnit::WanYuan,
            notes: format!(
                "synth: indicators={} budget_lines={} projects={} seed={}",
                spec.indicators, spec.budget_lines, spec.projects, spec.seed
            ),
            ..Meta::default()
        },
        department,
        budgets: vec![budget],
        projects,
        evaluations: vec![evaluation],
        ..Workspace::default()
    }
}

// ---------------------------------------------------------------------------------------------
// Randomness and exact splitting.

/// `SplitMix64` (Steele, Lea and Flood 2014): tiny, fast and good enough for test data.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x6A09_E667_F3BC_C908)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0), by Lemire's multiply-high.
    fn below(&mut self, n: u64) -> u64 {
        let wide = u128::from(self.next_u64()) * u128::from(n);
        u64::try_from(wide >> 64).unwrap_or(0)
    }

    /// An index into a collection of `n` items.
    fn index(&mut self, n: usize) -> usize {
        usize::try_from(self.below(n as u64)).unwrap_or(0)
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        let span = hi.abs_diff(lo).saturating_add(1);
        lo.saturating_add_unsigned(self.below(span))
    }

    /// True with a probability of `per_mille` / 1000.
    fn chance(&mut self, per_mille: u64) -> bool {
        self.below(1000) < per_mille
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.index(items.len())]
    }
}

/// Splits `total` into `parts` non-negative integers that add up to it exactly, each at least
/// `min_each` when the total allows it, the rest spread with random weights.
fn split(total: i64, parts: usize, min_each: i64, rng: &mut Rng) -> Vec<i64> {
    if parts == 0 {
        return Vec::new();
    }
    let n = i64::try_from(parts).unwrap_or(i64::MAX);
    let total = total.max(0);
    let floor = if total >= min_each.saturating_mul(n) {
        min_each.max(0)
    } else {
        0
    };
    let rest = total - floor * n;
    let weights: Vec<i64> = (0..parts).map(|_| rng.range(1, 8)).collect();
    let weight_sum: i64 = weights.iter().sum();
    let mut out: Vec<i64> = weights
        .iter()
        .map(|w| {
            let share = i128::from(rest) * i128::from(*w) / i128::from(weight_sum);
            floor + i64::try_from(share).unwrap_or(0)
        })
        .collect();
    let mut left = total - out.iter().sum::<i64>();
    while left > 0 {
        let i = rng.index(parts);
        out[i] += 1;
        left -= 1;
    }
    out
}

/// Spreads `children` over `parents` groups, each getting at least one and at most `cap`
/// (the cap is kept whenever `children ≤ parents × cap`).
fn spread(children: usize, parents: usize, cap: usize, rng: &mut Rng) -> Vec<usize> {
    if parents == 0 {
        return Vec::new();
    }
    let mut out = vec![0usize; parents];
    let base = children.min(parents);
    for slot in out.iter_mut().take(base) {
        *slot = 1;
    }
    for _ in base..children {
        let start = rng.index(parents);
        let slot = (0..parents)
            .map(|k| (start + k) % parents)
            .find(|&i| out[i] < cap)
            .unwrap_or(parents - 1);
        out[slot] += 1;
    }
    out
}

/// `cents / 100` as an exact two-place decimal.
fn cents(v: i64) -> Decimal {
    Decimal::new(v, 2)
}

fn amount(v: i64) -> Amount {
    Amount::Value(cents(v))
}

fn opt_amount(v: Option<i64>) -> Amount {
    v.map_or(Amount::Blank, amount)
}

/// `v × pct / 100`, rounded down to a whole cent.
fn pct_of(v: i64, pct: i64) -> i64 {
    i64::try_from(i128::from(v) * i128::from(pct) / 100).unwrap_or(0)
}

/// A date inside `year`, `day` days after 1 January (clamped to the year).
fn day_of(year: i32, day: i64) -> Option<NaiveDate> {
    NaiveDate::from_yo_opt(year, u32::try_from(day.clamp(1, 365)).unwrap_or(1))
}

// ---------------------------------------------------------------------------------------------
// Outline shapes.

/// Sizes of a three-level outline of `n` rows: (tops, mids, leaves), with every top having a
/// mid and every mid a leaf. Fewer than 3 rows give a shorter chain.
fn three_levels(
    n: usize,
    max_tops: usize,
    tops_at_least: usize,
    leaves_per_mid: usize,
) -> [usize; 3] {
    match n {
        0 => [0, 0, 0],
        1 => [1, 0, 0],
        2 => [1, 1, 0],
        _ => {
            let a = (n / 3).min(max_tops).max(tops_at_least.min(n / 3)).max(1);
            let rest = n - a;
            let b = (rest / (leaves_per_mid + 1)).clamp(a, rest / 2);
            [a, b, rest - b]
        }
    }
}

/// For each top, the leaf count of each of its mids (a mid with 0 leaves is itself a leaf; a
/// top with no mids is itself a leaf).
fn outline_shape(sizes: [usize; 3], cap: usize, rng: &mut Rng) -> Vec<Vec<usize>> {
    let [a, b, c] = sizes;
    let mids_per_top = spread(b, a, cap, rng);
    let mut leaves = spread(c, b, cap, rng).into_iter();
    mids_per_top
        .into_iter()
        .map(|m| (0..m).map(|_| leaves.next().unwrap_or(0)).collect())
        .collect()
}

/// Leaves under a mid or top: the rows that carry their own 分值 share.
fn leaf_units(mid_leaves: usize) -> usize {
    mid_leaves.max(1)
}

// ---------------------------------------------------------------------------------------------
// The budget book.

/// The six published leaf columns of a 功能分类 row, in cents; `None` is a blank cell.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Cols {
    wages: Option<i64>,
    family: Option<i64>,
    goods: Option<i64>,
    capital: Option<i64>,
    operating: Option<i64>,
    targeted: Option<i64>,
}

fn add_opt(a: Option<i64>, b: Option<i64>) -> Option<i64> {
    match (a, b) {
        (None, None) => None,
        _ => Some(a.unwrap_or(0) + b.unwrap_or(0)),
    }
}

impl Cols {
    fn add(&mut self, o: &Cols) {
        self.wages = add_opt(self.wages, o.wages);
        self.family = add_opt(self.family, o.family);
        self.goods = add_opt(self.goods, o.goods);
        self.capital = add_opt(self.capital, o.capital);
        self.operating = add_opt(self.operating, o.operating);
        self.targeted = add_opt(self.targeted, o.targeted);
    }

    fn basic(&self) -> Option<i64> {
        add_opt(
            add_opt(self.wages, self.family),
            add_opt(self.goods, self.capital),
        )
    }

    fn project(&self) -> Option<i64> {
        add_opt(self.operating, self.targeted)
    }

    fn total(&self) -> Option<i64> {
        add_opt(self.basic(), self.project())
    }

    fn personnel(&self) -> i64 {
        self.wages.unwrap_or(0) + self.family.unwrap_or(0)
    }

    fn public(&self) -> i64 {
        self.goods.unwrap_or(0) + self.capital.unwrap_or(0)
    }

    fn line(&self, code: String, name: String, level: LineLevel) -> FunctionalLine {
        FunctionalLine {
            code,
            name,
            level,
            total: opt_amount(self.total()),
            basic: opt_amount(self.basic()),
            wages: opt_amount(self.wages),
            family: opt_amount(self.family),
            goods: opt_amount(self.goods),
            capital: opt_amount(self.capital),
            project: opt_amount(self.project()),
            operating: opt_amount(self.operating),
            targeted: opt_amount(self.targeted),
            ..Default::default()
        }
    }
}

/// One 项 row's figures: a basic-only row (行政运行), a project-only row or a mixed one.
fn item_cols(spec: &SynthSpec, rng: &mut Rng) -> Cols {
    let kind = rng.below(100);
    let basic = kind < 70;
    let project = kind >= 45 && spec.projects > 0;
    let mut c = Cols::default();
    if basic || !project {
        c.wages = Some(rng.range(5_000, 300_000));
        c.family = rng.chance(500).then(|| rng.range(100, 20_000));
        c.goods = Some(rng.range(1_000, 80_000));
        c.capital = rng.chance(200).then(|| rng.range(500, 30_000));
    }
    if project {
        c.targeted = Some(rng.range(10_000, 900_000));
        if spec.projects >= 2 && rng.chance(400) {
            c.operating = Some(rng.range(2_000, 200_000));
        }
    }
    c
}

const CLASSES: [(&str, &str); 20] = [
    ("201", "一般公共服务支出"),
    ("203", "国防支出"),
    ("204", "公共安全支出"),
    ("205", "教育支出"),
    ("206", "科学技术支出"),
    ("207", "文化旅游体育与传媒支出"),
    ("208", "社会保障和就业支出"),
    ("210", "卫生健康支出"),
    ("211", "节能环保支出"),
    ("212", "城乡社区支出"),
    ("213", "农林水支出"),
    ("214", "交通运输支出"),
    ("215", "资源勘探工业信息等支出"),
    ("216", "商业服务业等支出"),
    ("217", "金融支出"),
    ("220", "自然资源海洋气象等支出"),
    ("221", "住房保障支出"),
    ("222", "粮油物资储备支出"),
    ("224", "灾害防治及应急管理支出"),
    ("229", "其他支出"),
];

const SECTIONS: [&str; 12] = [
    "行政事务",
    "发展与改革事务",
    "统计信息事务",
    "财政事务",
    "工业和信息产业监管",
    "中小企业发展",
    "行政事业单位养老支出",
    "科学技术普及",
    "技术研究与开发",
    "污染防治",
    "住房改革支出",
    "其他事务",
];

const ITEMS: [&str; 8] = [
    "行政运行",
    "一般行政管理事务",
    "机关服务",
    "事业运行",
    "专项业务",
    "信息化建设",
    "产业发展",
    "其他支出",
];

/// 类 code and name number `i` (the real 类 first, then made-up codes from 230 on).
fn class_code(i: usize) -> (String, String) {
    if let Some((code, name)) = CLASSES.get(i) {
        return ((*code).to_owned(), (*name).to_owned());
    }
    let code = 230 + (i - CLASSES.len());
    (code.to_string(), format!("合成类级科目{code}支出"))
}

fn numbered(pool: &[&str], i: usize) -> String {
    let base = pool[i % pool.len()];
    match i / pool.len() {
        0 => base.to_owned(),
        k => format!("{base}{}", k + 1),
    }
}

/// The book as far as the functional table goes; totals wait for the projects.
struct BookDraft {
    lines: Vec<FunctionalLine>,
    /// 类 names and totals in cents, for the 收支总表.
    classes: Vec<(String, i64)>,
    /// Σ of the 项 rows (or a stand-in when the table is empty).
    grand: Cols,
}

fn budget_book(spec: &SynthSpec, rng: &mut Rng) -> BookDraft {
    let m = spec.budget_lines;
    let with_total = m >= 4;
    let rows = if with_total { m - 1 } else { m };
    // Small tables: about 10 款 per 类 and 10 项 per 款; large ones 40 and 40, so that 3-digit
    // 类 codes and 2-digit 款/项 suffixes never run out below MAX_BUDGET_LINES.
    let fan = if rows > 50_000 { 40 } else { 10 };
    let tops = rows.div_ceil(1 + fan + fan * fan);
    let sizes = three_levels(rows, 5, tops, fan);
    let shape = outline_shape(sizes, 99, rng);
    let mut lines = Vec::with_capacity(m);
    let mut grand = Cols::default();
    for (ci, sections) in shape.iter().enumerate() {
        let (ccode, cname) = class_code(ci);
        let class_at = lines.len();
        lines.push(FunctionalLine::default());
        let mut class_sum = Cols::default();
        for (si, &items) in sections.iter().enumerate() {
            let scode = format!("{ccode}{:02}", si + 1);
            let section_at = lines.len();
            lines.push(FunctionalLine::default());
            let mut section_sum = Cols::default();
            for ii in 0..items {
                let c = item_cols(spec, rng);
                section_sum.add(&c);
                lines.push(c.line(
                    format!("{scode}{:02}", ii + 1),
                    numbered(&ITEMS, ii),
                    LineLevel::Item,
                ));
            }
            if items == 0 {
                section_sum = item_cols(spec, rng);
            }
            lines[section_at] =
                section_sum.line(scode, numbered(&SECTIONS, si), LineLevel::Section);
            class_sum.add(&section_sum);
        }
        if sections.is_empty() {
            class_sum = item_cols(spec, rng);
        }
        lines[class_at] = class_sum.line(ccode, cname, LineLevel::Class);
        grand.add(&class_sum);
    }
    ensure_project_columns(spec, &mut grand, &mut lines, rng);
    let classes: Vec<(String, i64)> = lines
        .iter()
        .filter(|l| l.level == LineLevel::Class)
        .map(|l| (l.name.clone(), cents_of(l.total).unwrap_or(0)))
        .collect();
    if with_total {
        lines.insert(
            0,
            grand.line(String::new(), "合计".to_owned(), LineLevel::Total),
        );
    }
    if lines.is_empty() {
        grand = item_cols(spec, rng);
        grand.operating = (spec.projects >= 2).then(|| rng.range(2_000, 200_000));
        grand.targeted = (spec.projects >= 1).then(|| rng.range(10_000, 900_000));
    }
    BookDraft {
        lines,
        classes,
        grand,
    }
}

/// Makes sure there is 其他运转类 money when two or more projects share it and 特定目标类
/// money when there is a project at all, by adding it to the last 项 and its ancestors.
fn ensure_project_columns(
    spec: &SynthSpec,
    grand: &mut Cols,
    lines: &mut [FunctionalLine],
    rng: &mut Rng,
) {
    let need_targeted = spec.projects >= 1 && grand.targeted.unwrap_or(0) <= 0;
    let need_operating = spec.projects >= 2 && grand.operating.unwrap_or(0) <= 0;
    if lines.is_empty() || !(need_targeted || need_operating) {
        return;
    }
    let extra = Cols {
        targeted: need_targeted.then(|| rng.range(10_000, 900_000)),
        operating: need_operating.then(|| rng.range(2_000, 200_000)),
        ..Cols::default()
    };
    grand.add(&extra);
    // The last row and the last 款 and 类 above it: every ancestor of the last row.
    let last = lines.len() - 1;
    let mut want = lines[last].level;
    for i in (0..=last).rev() {
        if i == last || lines[i].level < want {
            want = lines[i].level;
            let mut c = cols_of(&lines[i]);
            c.add(&extra);
            let (code, name) = (lines[i].code.clone(), lines[i].name.clone());
            lines[i] = c.line(code, name, lines[i].level);
            if want == LineLevel::Class {
                break;
            }
        }
    }
}

fn cents_of(a: Amount) -> Option<i64> {
    a.value().and_then(|v| {
        let mut v = v;
        v.rescale(2);
        i64::try_from(v.mantissa()).ok()
    })
}

fn cols_of(l: &FunctionalLine) -> Cols {
    Cols {
        wages: cents_of(l.wages),
        family: cents_of(l.family),
        goods: cents_of(l.goods),
        capital: cents_of(l.capital),
        operating: cents_of(l.operating),
        targeted: cents_of(l.targeted),
    }
}

const PERSONNEL_LINES: [(&str, &str, &str, &str); 7] = [
    ("30101", "基本工资", "50101", "工资奖金津补贴"),
    ("30102", "津贴补贴", "50101", "工资奖金津补贴"),
    ("30103", "奖金", "50101", "工资奖金津补贴"),
    (
        "30108",
        "机关事业单位基本养老保险缴费",
        "50102",
        "社会保障缴费",
    ),
    ("30113", "住房公积金", "50103", "住房公积金"),
    ("30302", "退休费", "50905", "离退休费"),
    (
        "30399",
        "其他对个人和家庭的补助",
        "50999",
        "其他对个人和家庭补助",
    ),
];

const PUBLIC_LINES: [(&str, &str, &str, &str); 10] = [
    ("30201", "办公费", "50201", "办公经费"),
    ("30205", "水费", "50201", "办公经费"),
    ("30206", "电费", "50201", "办公经费"),
    ("30211", "差旅费", "50201", "办公经费"),
    ("30215", "会议费", "50202", "会议费"),
    ("30216", "培训费", "50203", "培训费"),
    ("30217", "公务接待费", "50206", "公务接待费"),
    ("30231", "公务用车运行维护费", "50208", "公务用车运行维护费"),
    ("30239", "其他交通费用", "50201", "办公经费"),
    ("31002", "办公设备购置", "50601", "资本性支出"),
];

fn economic_table(grand: &Cols, rng: &mut Rng) -> EconomicTable {
    let personnel = grand.personnel();
    let public = grand.public();
    let mut lines = Vec::with_capacity(PERSONNEL_LINES.len() + PUBLIC_LINES.len());
    for (table, total, category) in [
        (&PERSONNEL_LINES[..], personnel, CostCategory::Personnel),
        (&PUBLIC_LINES[..], public, CostCategory::Public),
    ] {
        let parts = split(total, table.len(), 1, rng);
        for (&(dc, dn, gc, gn), part) in table.iter().zip(parts) {
            lines.push(EconomicLine {
                dept_code: dc.to_owned(),
                dept_name: dn.to_owned(),
                gov_code: gc.to_owned(),
                gov_name: gn.to_owned(),
                amount: amount(part),
                category,
                ..Default::default()
            });
        }
    }
    EconomicTable {
        name: "一般公共预算基本支出表".to_owned(),
        note: String::new(),
        total: EconomicTotals {
            total: amount(personnel + public),
            personnel: amount(personnel),
            public: amount(public),
        },
        lines,
    }
}

fn split_of(total: i64, basic: i64, project: i64) -> Split {
    Split {
        total: amount(total),
        basic: amount(basic),
        project: amount(project),
    }
}

/// The totals, summary, unit incomes, 三公 and 政府采购, once the projects are known.
fn finish_book(
    spec: &SynthSpec,
    draft: BookDraft,
    projects: &[Project],
    rng: &mut Rng,
) -> BudgetBook {
    let grand = draft.grand;
    let basic0 = grand.basic().unwrap_or(0);
    let project0 = grand.project().unwrap_or(0);
    let total0 = basic0 + project0;
    let project_adjusted = sum_cents(projects, |p| p.budget_adjusted);
    let project_executed = sum_cents(projects, |p| p.executed);
    let project_received = sum_cents(projects, |p| p.received);
    let transfer_executed = sum_cents(projects, |p| {
        let via_districts = p
            .disbursements
            .iter()
            .any(|d| d.stage == DisbursementStage::ToDistricts);
        if via_districts {
            p.executed
        } else {
            Amount::Blank
        }
    });
    // Adjustments: the basic budget only grows a little; projects carry their own changes,
    // increases and decreases kept apart.
    let basic_increase = pct_of(basic0, rng.range(0, 3));
    let project_increase = sum_cents(projects, |p| change(p).0);
    let project_decrease = sum_cents(projects, |p| change(p).1);
    let basic1 = basic0 + basic_increase;
    let total1 = basic1 + project_adjusted;
    let basic_executed = pct_of(basic1, rng.range(95, 100));
    let executed = basic_executed + project_executed;
    let received = basic1 + project_received;
    let special_allocated = grand.targeted.unwrap_or(0).max(100_000);
    let special_detailed = pct_of(special_allocated, rng.range(85, 100));
    let totals = DepartmentTotals {
        initial: split_of(total0, basic0, project0),
        increase: split_of(
            basic_increase + project_increase,
            basic_increase,
            project_increase,
        ),
        decrease: split_of(project_decrease, 0, project_decrease),
        adjusted: split_of(total1, basic1, project_adjusted),
        executed: amount(executed),
        executed_own: amount(executed - transfer_executed),
        executed_transfer: amount(transfer_executed),
        received: amount(received),
        carryover: amount(total1 - executed),
        special_allocated: amount(special_allocated),
        special_detailed: amount(special_detailed),
        notes: "年中追加项目资金，部分项目按实际需求调减。".to_owned(),
    };
    // 收支总表 and 收入总表: the 年初 budget, by source and by unit.
    let other_income = pct_of(total0, rng.range(0, 4));
    let general_income = total0 - other_income;
    let mut classes = draft.classes;
    if classes.is_empty() {
        classes.push(("一般公共服务支出".to_owned(), total0));
    }
    let expenditure: Vec<NamedAmount> = classes
        .into_iter()
        .map(|(name, c)| NamedAmount {
            name,
            amount: amount(c),
            ..Default::default()
        })
        .collect();
    let summary = IncomeExpenditureSummary {
        income: vec![
            NamedAmount {
                name: "一般公共预算拨款收入".to_owned(),
                amount: amount(general_income),
                ..Default::default()
            },
            NamedAmount {
                name: "其他收入".to_owned(),
                amount: amount(other_income),
                ..Default::default()
            },
        ],
        income_total: amount(total0),
        expenditure,
        expenditure_total: amount(total0),
    };
    let units = ["局机关", "信息中心", "产业服务中心"];
    let generals = split(general_income, units.len(), 0, rng);
    let others = split(other_income, units.len(), 0, rng);
    let mut unit_income = vec![UnitIncome {
        code: "021".to_owned(),
        name: "合计".to_owned(),
        total: amount(total0),
        general_budget: amount(general_income),
        other: amount(other_income),
        is_total: true,
        ..Default::default()
    }];
    for (k, name) in units.iter().enumerate() {
        unit_income.push(UnitIncome {
            code: format!("021{:03}", k + 1),
            name: (*name).to_owned(),
            total: amount(generals[k] + others[k]),
            general_budget: amount(generals[k]),
            other: amount(others[k]),
            is_total: false,
            ..Default::default()
        });
    }
    let abroad = rng.range(0, 3_000);
    let purchase = if rng.chance(300) {
        rng.range(2_000, 4_000)
    } else {
        0
    };
    let operation = rng.range(1_000, 6_000);
    let reception = rng.range(500, 2_000);
    let three_total = abroad + purchase + operation + reception;
    let three_public = ThreePublic {
        total: amount(three_total),
        abroad: amount(abroad),
        vehicles: amount(purchase + operation),
        vehicle_purchase: amount(purchase),
        vehicle_operation: amount(operation),
        reception: amount(reception),
        actual: amount(pct_of(three_total, rng.range(80, 98))),
        prior_year: amount(pct_of(three_total, rng.range(100, 110))),
    };
    let (goods, services, works) = (
        rng.range(5_000, 50_000),
        rng.range(10_000, 80_000),
        rng.range(0, 30_000),
    );
    let procurement = Procurement {
        budget: amount(goods + services + works),
        goods: amount(goods),
        services: amount(services),
        works: amount(works),
        actual: amount(pct_of(goods + services + works, rng.range(85, 99))),
    };
    let functional = FunctionalTable {
        name: FUNCTIONAL_TABLE_NAME.to_owned(),
        note: "合成数据：类 = Σ 款 = Σ 项。".to_owned(),
        lines: draft.lines,
    };
    BudgetBook {
        year: spec.year,
        unit: AmountUnit::WanYuan,
        published_decimals: None,
        source: format!("jixiao synth（seed {}）", spec.seed),
        totals,
        summary,
        unit_income,
        functional: vec![functional],
        economic: vec![economic_table(&grand, rng)],
        three_public,
        procurement,
    }
}

/// Σ of one amount over the projects, in cents.
fn sum_cents(projects: &[Project], f: impl Fn(&Project) -> Amount) -> i64 {
    projects.iter().map(|p| cents_of(f(p)).unwrap_or(0)).sum()
}

/// A project's (调增, 调减): how far its adjusted budget is above or below its initial one.
fn change(p: &Project) -> (Amount, Amount) {
    let initial = cents_of(p.budget_initial).unwrap_or(0);
    let adjusted = cents_of(p.budget_adjusted).unwrap_or(0);
    (
        amount((adjusted - initial).max(0)),
        amount((initial - adjusted).max(0)),
    )
}

fn department() -> Department {
    Department {
        name: "某市工业和信息化局".to_owned(),
        code: "021".to_owned(),
        headcount: Headcount {
            authorized: Some(120),
            authorized_admin: Some(80),
            authorized_institution: Some(40),
            on_duty: Some(112),
            retired: Some(65),
        },
        internal_units: Some(18),
        subordinate_units: Some(2),
        duties: "拟订并组织实施工业和信息化发展规划，推进产业结构调整和优化升级。".to_owned(),
        key_tasks: vec![
            "推动制造业高质量发展".to_owned(),
            "培育专精特新中小企业".to_owned(),
            "推进企业数字化转型".to_owned(),
        ],
    }
}

// ---------------------------------------------------------------------------------------------
// Projects.

const PROJECT_NAMES: [&str; 8] = [
    "企业服务活动专项经费",
    "工业转型升级专项资金",
    "中小企业发展专项资金",
    "数字化转型示范项目",
    "信息化运维经费",
    "产业园区基础设施补助",
    "节能降耗技术改造奖励",
    "工业互联网平台建设",
];

fn projects(spec: &SynthSpec, grand: &Cols, rng: &mut Rng) -> Vec<Project> {
    let n = spec.projects;
    // Operating projects share 其他运转类, the others 特定目标类; both totals are kept exactly.
    let operating_count = if n >= 2 { (n / 3).max(1) } else { 0 };
    let targeted_count = n - operating_count;
    let mut budgets = split(grand.operating.unwrap_or(0), operating_count, 100, rng);
    budgets.extend(split(grand.targeted.unwrap_or(0), targeted_count, 100, rng));
    budgets
        .into_iter()
        .enumerate()
        .map(|(i, initial)| {
            let kind = if i < operating_count {
                ProjectKind::Operating
            } else {
                ProjectKind::Targeted
            };
            project(spec, i, kind, initial, rng)
        })
        .collect()
}

fn project(spec: &SynthSpec, i: usize, kind: ProjectKind, initial: i64, rng: &mut Rng) -> Project {
    let year = spec.year;
    let adjusted = match rng.below(10) {
        0..=2 => initial + pct_of(initial, rng.range(5, 15)),
        3 => initial - pct_of(initial, rng.range(5, 10)),
        _ => initial,
    };
    // Cost items share the adjusted budget; each executes the same share, so Σ adds up.
    let pct = rng.range(85, 100);
    let cost_names = ["会议费", "培训费", "委托业务费", "设备购置费"];
    let count = usize::try_from(rng.range(2, 4)).unwrap_or(2);
    let cost_items: Vec<CostItem> = split(adjusted, count, 1, rng)
        .into_iter()
        .zip(cost_names)
        .map(|(b, name)| CostItem {
            name: name.to_owned(),
            budget: amount(b),
            executed: amount(pct_of(b, pct)),
            ..Default::default()
        })
        .collect();
    let executed: i64 = cost_items
        .iter()
        .map(|c| cents_of(c.executed).unwrap_or(0))
        .sum();
    let received = if rng.chance(850) {
        adjusted
    } else {
        executed.max(pct_of(adjusted, rng.range(95, 99)))
    };
    let via_districts = kind == ProjectKind::Targeted && rng.chance(400);
    let mut disbursements = Vec::new();
    let mut stage_events = |total: i64, stage: DisbursementStage, from_day: i64, rng: &mut Rng| {
        if total <= 0 {
            return;
        }
        let events = usize::try_from(rng.range(2, 5)).unwrap_or(2);
        let mut days: Vec<i64> = (0..events).map(|_| rng.range(from_day, 355)).collect();
        days.sort_unstable();
        for (day, part) in days.into_iter().zip(split(total, events, 1, rng)) {
            disbursements.push(Disbursement {
                date: day_of(year, day),
                amount: amount(part),
                stage,
                note: String::new(),
                ..Default::default()
            });
        }
    };
    if via_districts {
        stage_events(executed, DisbursementStage::ToDistricts, 30, rng);
        let reached = pct_of(executed, rng.range(50, 100));
        stage_events(reached, DisbursementStage::ToBeneficiaries, 120, rng);
    } else {
        stage_events(executed, DisbursementStage::ToBeneficiaries, 30, rng);
    }
    let own_funds = if rng.chance(200) {
        pct_of(initial, rng.range(5, 20))
    } else {
        0
    };
    let name = numbered(&PROJECT_NAMES, i);
    Project {
        id: format!("p{:04}", i + 1),
        code: format!("41010021{year}{:06}", i + 1),
        name,
        unit: "局机关".to_owned(),
        unit_code: "021001".to_owned(),
        year,
        kind,
        budget_initial: amount(initial),
        budget_adjusted: amount(adjusted),
        funding: ProjectFunding {
            general_budget: amount(initial - own_funds),
            own_funds: if own_funds > 0 {
                amount(own_funds)
            } else {
                Amount::Blank
            },
            ..ProjectFunding::default()
        },
        received: amount(received),
        executed: amount(executed),
        disbursement_due: Amount::Blank,
        department: String::new(),
        funding_sources: Vec::new(),
        cost_items,
        disbursements,
        targets: vec![
            PerformanceTarget {
                category: TargetCategory::Cost,
                name: "项目成本控制".to_owned(),
                target: Target::parse(&format!("≤{}万元", cents(adjusted))),
                ..Default::default()
            },
            PerformanceTarget {
                category: TargetCategory::Output,
                name: "服务企业数量".to_owned(),
                target: Target::parse(&format!("≥{}家", rng.range(20, 400))),
                ..Default::default()
            },
            PerformanceTarget {
                category: TargetCategory::Benefit,
                name: "带动企业转型升级".to_owned(),
                target: Target::parse("显著提升"),
                ..Default::default()
            },
            PerformanceTarget {
                category: TargetCategory::Satisfaction,
                name: "服务对象满意度".to_owned(),
                target: Target::parse("≥90%"),
                ..Default::default()
            },
        ],
        published: Vec::new(),
        source: "合成数据".to_owned(),
        notes: String::new(),
    }
}

// ---------------------------------------------------------------------------------------------
// The indicator sheet.

const TOPS: [&str; 4] = ["决策", "过程", "产出", "效益"];

const MIDS: [&[&str]; 4] = [
    &["目标设定", "决策过程", "资金分配"],
    &[
        "预算编制",
        "预算执行",
        "财务管理",
        "资产管理",
        "制度建设",
        "信息公开",
    ],
    &["产出数量", "产出质量", "产出时效", "产出成本"],
    &[
        "经济效益",
        "社会效益",
        "生态效益",
        "可持续影响",
        "服务对象满意度",
    ],
];

fn indicator_sheet(spec: &SynthSpec, projects: &[Project], rng: &mut Rng) -> Vec<Indicator> {
    // A published sheet of 30 rows has about 2 三级 per 二级; a large one gets up to 8.
    let leaves_per_mid = (spec.indicators / 40).clamp(2, 8);
    let sizes = three_levels(spec.indicators, TOPS.len(), 1, leaves_per_mid);
    let shape = outline_shape(sizes, usize::MAX, rng);
    // 分值 in hundredths: 100 points = 10,000, each leaf at least 0.01 while there are enough.
    let top_units: Vec<usize> = shape
        .iter()
        .map(|mids| mids.iter().map(|&l| leaf_units(l)).sum::<usize>().max(1))
        .collect();
    let all_units: usize = top_units.iter().sum();
    let min_leaf = i64::from(all_units <= 10_000);
    let mut rows = Vec::with_capacity(spec.indicators);
    let mut leaves = LeafMaker {
        year: spec.year,
        project_ids: projects.iter().map(|p| p.id.clone()).collect(),
        used: HashMap::new(),
        many_mids: sizes[1] > 10,
    };
    let top_weights = weighted_split(10_000, &top_units, min_leaf, rng);
    for (ti, (mids, top_w)) in shape.iter().zip(top_weights).enumerate() {
        let top_name = numbered(&TOPS, ti);
        rows.push(parent_row(1, top_name, top_w));
        let last = rows.len() - 1;
        if mids.is_empty() {
            rows[last] = leaves.leaf(1, top_w, 0, rng);
            rows[last].name = numbered(&TOPS, ti);
            continue;
        }
        let pool = MIDS[ti % MIDS.len()];
        let mid_units: Vec<usize> = mids.iter().map(|&l| leaf_units(l)).collect();
        let mid_weights = weighted_split(top_w, &mid_units, min_leaf, rng);
        for (mi, (&leaf_count, mid_w)) in mids.iter().zip(mid_weights).enumerate() {
            let mid_name = numbered(pool, mi);
            if leaf_count == 0 {
                let mut row = leaves.leaf(2, mid_w, ti, rng);
                row.name = mid_name;
                rows.push(row);
                continue;
            }
            let mut mid = parent_row(2, mid_name, mid_w);
            if leaves.many_mids && rng.chance(10) {
                mid.not_applicable = true;
                "本年度无此项业务，不适用，其余指标按满分折算。".clone_into(&mut mid.note);
            }
            rows.push(mid);
            let leaf_weights = split(mid_w, leaf_count, min_leaf, rng);
            for w in leaf_weights {
                rows.push(leaves.leaf(3, w, ti, rng));
            }
        }
    }
    rows
}

/// Splits `total` hundredths over groups in proportion to random weights, each group getting
/// at least `min_leaf` per leaf unit it holds.
fn weighted_split(total: i64, units: &[usize], min_leaf: i64, rng: &mut Rng) -> Vec<i64> {
    let floors: Vec<i64> = units
        .iter()
        .map(|&u| {
            i64::try_from(u)
                .unwrap_or(i64::MAX)
                .saturating_mul(min_leaf)
        })
        .collect();
    let floor_sum: i64 = floors.iter().sum();
    let spare = split(total - floor_sum, units.len(), 0, rng);
    floors.iter().zip(spare).map(|(f, s)| f + s).collect()
}

fn parent_row(level: u8, name: String, weight: i64) -> Indicator {
    Indicator {
        level,
        name,
        weight: cents(weight),
        target: Target::default(),
        actual: Actual::default(),
        rule: Rule::default(),
        ..Indicator::default()
    }
}

/// Builds 三级 rows, keeping names unique and links pointing at things that exist.
struct LeafMaker {
    year: i32,
    project_ids: Vec<String>,
    used: HashMap<&'static str, usize>,
    many_mids: bool,
}

/// Percent text with one decimal from tenths (`934` → `93.4%`).
fn pct_tenths(v: i64) -> String {
    format!("{}%", Decimal::new(v, 1))
}

impl LeafMaker {
    fn unique(&mut self, base: &'static str) -> String {
        let n = self.used.entry(base).or_insert(0);
        *n += 1;
        if *n == 1 {
            base.to_owned()
        } else {
            format!("{base}（{n}）")
        }
    }

    fn department_link(&self, metric: DepartmentMetric) -> Actual {
        Actual::Linked(MetricRef::Department {
            year: self.year,
            metric,
        })
    }

    /// A project link when there are projects, else the department's execution rate.
    fn project_link(&self, metric: ProjectMetric, rng: &mut Rng) -> Actual {
        if self.project_ids.is_empty() {
            return self.department_link(DepartmentMetric::ExecutionRate);
        }
        let id = self.project_ids[rng.index(self.project_ids.len())].clone();
        Actual::Linked(MetricRef::Project {
            project: id,
            metric,
        })
    }

    /// One scored row with weight `w` hundredths, its rule drawn from a realistic mix.
    fn leaf(&mut self, level: u8, w: i64, top: usize, rng: &mut Rng) -> Indicator {
        let weight = cents(w);
        let roll = rng.below(100);
        let (name, target, actual, rule) = match roll {
            // 正向比例, typed: a rate or a count near its target.
            0..=17 => {
                if rng.chance(500) {
                    let t = rng.pick(&[80, 85, 90, 95]);
                    let a = rng.range(t * 8, 1_000);
                    (
                        self.unique(rng.pick(&["重点工作完成率", "政策兑现率", "问题整改率"])),
                        Target::parse(&format!("≥{t}%")),
                        Actual::typed(&pct_tenths(a)),
                        Rule::Proportional,
                    )
                } else {
                    let t = rng.range(50, 500);
                    let a = rng.range(t * 7 / 10, t * 13 / 10);
                    let (base, unit) = rng.pick(&[
                        ("培训人次", "人次"),
                        ("服务企业数", "家"),
                        ("宣传活动场次", "场"),
                    ]);
                    (
                        self.unique(base),
                        Target::parse(&format!("≥{t}{unit}")),
                        Actual::typed(&format!("{a}{unit}")),
                        Rule::Proportional,
                    )
                }
            }
            // 正向比例, linked to a rate of the department or of a project.
            18..=25 => {
                let t = rng.pick(&[85, 90, 95]);
                let (base, actual) = match rng.below(6) {
                    0 => (
                        "资金到位率",
                        self.department_link(DepartmentMetric::ReceivedRate),
                    ),
                    1 => (
                        "政府采购执行率",
                        self.department_link(DepartmentMetric::ProcurementExecutionRate),
                    ),
                    2 => (
                        "专项资金细化率",
                        self.department_link(DepartmentMetric::SpecialFundDetailRate),
                    ),
                    3 => (
                        "项目资金拨付率",
                        self.project_link(
                            ProjectMetric::DisbursementRate(DisbursementStage::ToBeneficiaries),
                            rng,
                        ),
                    ),
                    4 => (
                        "项目资金到位率",
                        self.project_link(ProjectMetric::ReceivedRate, rng),
                    ),
                    _ => (
                        "资金实际支出率",
                        self.project_link(ProjectMetric::SpendingRate, rng),
                    ),
                };
                (
                    self.unique(base),
                    Target::parse(&format!("≥{t}%")),
                    actual,
                    Rule::Proportional,
                )
            }
            // 反向比例, typed: a unit cost under a ceiling.
            26..=33 => {
                let t = rng.range(300, 500);
                let a = rng.range(t * 9 / 10, t * 12 / 10);
                (
                    self.unique(rng.pick(&["人均培训成本", "会议人均费用"])),
                    Target::parse(&format!("≤{t}元/人·天")),
                    Actual::typed(&format!("{a}元/人·天")),
                    Rule::Inverse,
                )
            }
            // 反向比例, linked: adjustment, carry-over and 三公 control rates.
            34..=37 => {
                let (base, t, metric) = rng.pick(&[
                    ("预算调整率", "≤15%", DepartmentMetric::AdjustmentRate),
                    ("结转结余率", "≤10%", DepartmentMetric::CarryoverRate),
                    (
                        "“三公经费”控制率",
                        "≤100%",
                        DepartmentMetric::ThreePublicControlRate,
                    ),
                ]);
                (
                    self.unique(base),
                    Target::parse(t),
                    self.department_link(metric),
                    Rule::Inverse,
                )
            }
            // 偏差扣分: an `=` target with a tolerance.
            38..=44 => {
                let a = rng.range(950, 1_020);
                (
                    self.unique(rng.pick(&["预算编制准确率", "资产账实相符率"])),
                    Target::parse("=100%"),
                    Actual::typed(&pct_tenths(a)),
                    Rule::Deviation {
                        tolerance: Decimal::from(rng.range(0, 2)),
                    },
                )
            }
            // 达标制: a 定性 target judged by the evaluator, or a numeric one.
            45..=52 => {
                if rng.chance(600) {
                    let met = rng.chance(850);
                    (
                        self.unique(rng.pick(&["资金拨付及时性", "信息公开及时性"])),
                        Target::parse("及时"),
                        Actual::typed(if met { "及时" } else { "部分延迟" }),
                        Rule::Threshold { met: Some(met) },
                    )
                } else {
                    let a = if rng.chance(700) {
                        1_000
                    } else {
                        rng.range(970, 999)
                    };
                    (
                        self.unique(rng.pick(&["验收合格率", "设备完好率"])),
                        Target::parse("≥100%"),
                        Actual::typed(&pct_tenths(a)),
                        Rule::Threshold { met: None },
                    )
                }
            }
            // 区间档次: typed, or the department's execution rate.
            53..=59 => {
                let bands = [(95, 100), (90, 80), (80, 60), (60, 30)]
                    .into_iter()
                    .map(|(t, s)| Band {
                        threshold: Decimal::from(t),
                        share_pct: Decimal::from(s),
                    })
                    .collect();
                let (base, actual) = if rng.chance(300) {
                    (
                        "部门预算执行率",
                        self.department_link(DepartmentMetric::ExecutionRate),
                    )
                } else {
                    (
                        "绩效目标完成率",
                        Actual::typed(&pct_tenths(rng.range(750, 1_000))),
                    )
                };
                (
                    self.unique(base),
                    Target::parse("≥95%"),
                    actual,
                    Rule::Bands { bands },
                )
            }
            // 定性分档.
            60..=71 => {
                let grade = match rng.below(10) {
                    0..=6 => QualitativeGrade::Achieved,
                    7 | 8 => QualitativeGrade::Partial,
                    _ => QualitativeGrade::NotAchieved,
                };
                let share_pct = rng.chance(500).then(|| match grade {
                    QualitativeGrade::Achieved => Decimal::from(rng.range(80, 100)),
                    QualitativeGrade::Partial => Decimal::from(rng.range(60, 80)),
                    QualitativeGrade::NotAchieved => Decimal::from(rng.range(0, 60)),
                });
                let (base, target, typed) = rng.pick(&[
                    ("管理制度健全性", "健全", "已建立"),
                    ("制度执行有效性", "有效", "基本有效"),
                    ("产业发展带动作用", "显著提升", "有所提升"),
                    ("社会公众知晓度", "明显提高", "提高"),
                ]);
                (
                    self.unique(base),
                    Target::parse(target),
                    Actual::typed(typed),
                    Rule::Qualitative { grade, share_pct },
                )
            }
            // 扣分制: 0 to 3 deductions, each at most a third of 分值.
            72..=79 => {
                let reasons = ["未按规定程序报批", "佐证材料不完整", "台账登记不及时"];
                let n = usize::try_from(rng.range(0, 3)).unwrap_or(0);
                let items = reasons[..n]
                    .iter()
                    .map(|r| Deduction {
                        reason: (*r).to_owned(),
                        points: cents(rng.range(0, w / 3)),
                    })
                    .collect();
                (
                    self.unique(rng.pick(&["财务管理规范性", "资产管理规范性", "合同管理规范性"])),
                    Target::parse("规范"),
                    Actual::typed(if n == 0 { "规范" } else { "基本规范" }),
                    Rule::Deductions { items },
                )
            }
            // 线性扣分: staff control (linked) or the change in 三公 spending (typed).
            80..=84 => {
                if rng.chance(500) {
                    (
                        self.unique("在职人员控制率"),
                        Target::parse("≤100%"),
                        self.department_link(DepartmentMetric::StaffControlRate),
                        Rule::LinearDeduction {
                            threshold: Decimal::ONE_HUNDRED,
                            points_per_step: Decimal::ONE,
                            step: Decimal::ONE,
                        },
                    )
                } else {
                    (
                        self.unique("“三公经费”变动率"),
                        Target::parse("≤0%"),
                        Actual::typed(&pct_tenths(rng.range(-80, 30))),
                        Rule::LinearDeduction {
                            threshold: Decimal::ZERO,
                            points_per_step: Decimal::new(5, 1),
                            step: Decimal::ONE,
                        },
                    )
                }
            }
            // 预算执行率 rule: the department's or a project's execution rate.
            85..=89 => {
                let (base, actual) = if rng.chance(500) {
                    (
                        "预算执行率",
                        self.department_link(DepartmentMetric::ExecutionRate),
                    )
                } else {
                    (
                        "项目预算执行率",
                        self.project_link(ProjectMetric::ExecutionRate, rng),
                    )
                };
                (
                    self.unique(base),
                    Target::parse("100%"),
                    actual,
                    Rule::ExecutionRate,
                )
            }
            // 人工评分 with its reason.
            _ => {
                let score = cents(w * rng.range(6, 10) / 10);
                (
                    self.unique(rng.pick(&["工作创新性", "档案管理", "服务对象满意度"])),
                    Target::parse("较好"),
                    Actual::typed("较好"),
                    Rule::Manual {
                        score: Some(score),
                        reason: "根据现场核查和访谈情况评定。".to_owned(),
                    },
                )
            }
        };
        let mut row = Indicator {
            level,
            name,
            weight,
            target,
            actual,
            rule,
            ..Indicator::default()
        };
        // About 2% of rows are 不适用 and 2% carry an override.
        let special = rng.below(1000);
        if special < 20 {
            row.not_applicable = true;
            "本年度未发生此项业务，不适用。".clone_into(&mut row.note);
        } else if special < 40 {
            row.score_override = Some(ScoreOverride {
                score: cents(w * 8 / 10),
                reason: "复核佐证材料后，评价组集体研究调整。".to_owned(),
            });
        }
        if rng.chance(100) {
            row.evidence = format!(
                "{}年度工作总结、{}相关台账",
                self.year,
                TOPS[top % TOPS.len()]
            );
        }
        if rng.chance(30) {
            row.monitoring = Some(Monitoring {
                progress_text: pct_tenths(rng.range(400, 700)),
                progress_value: Some(Decimal::new(rng.range(400, 700), 1)),
                deviation_reason: Some(rng.pick(&[
                    DeviationReason::Funding,
                    DeviationReason::Staffing,
                    DeviationReason::Other,
                ])),
                likelihood: Some(rng.pick(&[Likelihood::Certain, Likelihood::Possible])),
                explanation: "上半年项目尚在招标阶段。".to_owned(),
            });
        }
        row
    }
}
