//! 定性 judged from text: the phrase catalogue that turns a 实际完成值 written in words into one
//! of the three 定性 bands, or says that the evaluator must judge it.
//!
//! The catalogue, checked in this order (the first group that matches wins, so that "未完成",
//! which contains "完成", is read as not done, and "基本完成" as partly done):
//!
//! 1. Cells that cannot be judged at all: a blank 实际完成值 or 指标值, or a spreadsheet error
//!    (`#NAME?`, `#DIV/0!`, `#REF!`, `#VALUE!`, `#N/A`, `#NUM!`, `#NULL!`) → needs judgement.
//! 2. 未达成且效果较差 (bottom band): [`NOT_ACHIEVED`] (未完成, 未达成, 未达到, 未实现, 未达标,
//!    没有完成, 没有达到, 不达标, 未落实), or the target's own words negated ("不及时" for 及时,
//!    "未提升" for 提升: 未/不/没/没有/无 right before them).
//! 3. 部分达成并具有一定效果 (middle band): [`PARTIAL`] (部分达成, 部分完成, 部分实现, 基本完成,
//!    基本达成, 基本达到, 基本实现, 基本满意, 基本达标, 基本合格, 基本到位), or any other
//!    "部分" ("部分建立", "大部分到位").
//! 4. An actual that is exactly the target's words ("及时" for 及时, "无事故" for 无事故) → top band.
//! 5. Any other negation or delay word ([`HEDGES`]: 未, 不, 没, 无法, 延期, 滞后, 有待, 尚需), as in
//!    "未按时完成" or "未能完成", which would otherwise read as 完成 → needs judgement.
//! 6. 达成年度指标 (top band): [`ACHIEVED`] (达成预期指标, 达成年度指标, 已完成, 已达成, 已达到,
//!    已实现, 效果明显, 完成, 达成, 达到, 实现, 达标), or an actual that contains the target's
//!    words ("明显提升" for 提升).
//! 7. Anything else ("存在超支", "良好", "100%" against 完成 …) → needs the evaluator's judgement:
//!    unscored, never full marks by default.
//!
//! A band found by the catalogue scores the top of that band (as a 定性分档 picked without a
//! share does); the evaluator can always switch the row to 定性分档 and choose.

use crate::model::QualitativeGrade;
use crate::model::number::to_half_width;

/// Phrases that mean the target was not met (checked first).
pub const NOT_ACHIEVED: &[&str] = &[
    "未完成",
    "未达成",
    "未达到",
    "未实现",
    "未达标",
    "没有完成",
    "没有达到",
    "不达标",
    "未落实",
];

/// Phrases that mean the target was partly met (checked second).
pub const PARTIAL: &[&str] = &[
    "部分达成",
    "部分完成",
    "部分实现",
    "基本完成",
    "基本达成",
    "基本达到",
    "基本实现",
    "基本满意",
    "基本达标",
    "基本合格",
    "基本到位",
];

/// Phrases that mean the target was met (checked last).
pub const ACHIEVED: &[&str] = &[
    "达成预期指标",
    "达成年度指标",
    "已完成",
    "已达成",
    "已达到",
    "已实现",
    "效果明显",
    "完成",
    "达成",
    "达到",
    "实现",
    "达标",
];

/// Words that make an actual uncertain once the clear phrases are ruled out: "未按时完成",
/// "未能完成", "不断完善", "延期完成" are not for the catalogue to call 完成.
pub const HEDGES: &[&str] = &["未", "不", "没", "无法", "延期", "滞后", "有待", "尚需"];

/// Words that negate the target's wording when written right before it.
const NEGATIONS: &[&str] = &["没有", "未", "不", "没", "无"];

/// The texts a spreadsheet writes for a formula that failed.
pub const SPREADSHEET_ERRORS: &[&str] = &[
    "#NAME?",
    "#DIV/0!",
    "#REF!",
    "#VALUE!",
    "#N/A",
    "#NUM!",
    "#NULL!",
    "#GETTING_DATA",
];

/// Whether a cell text is a spreadsheet error value (`#NAME?` …).
pub fn is_spreadsheet_error(text: &str) -> bool {
    let t = text.trim();
    SPREADSHEET_ERRORS.iter().any(|e| t.eq_ignore_ascii_case(e))
}

/// What the catalogue made of a 定性 row.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub enum TextVerdict {
    /// A band, and the phrase that decided it ("与指标值一致" when the actual repeats the target).
    Band {
        grade: QualitativeGrade,
        phrase: String,
    },
    /// The evaluator must judge it, and why.
    NeedsJudgement(NeedsWhy),
}

/// Why a 定性 row waits for the evaluator's judgement.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub enum NeedsWhy {
    /// 实际完成值 is blank.
    BlankActual,
    /// 指标值 is blank.
    BlankTarget,
    /// A cell holds a spreadsheet error (`#NAME?`); the text is the error.
    SpreadsheetError(String),
    /// The words are not in the catalogue.
    UnknownWords(String),
}

impl NeedsWhy {
    /// One line of Chinese.
    pub fn describe(&self) -> String {
        match self {
            NeedsWhy::BlankActual => "实际完成值为空".to_owned(),
            NeedsWhy::BlankTarget => "指标值为空".to_owned(),
            NeedsWhy::SpreadsheetError(e) => format!("单元格是表格错误值“{e}”"),
            NeedsWhy::UnknownWords(t) => format!("“{t}”不在定性用语表中"),
        }
    }
}

/// Spaces and punctuation dropped, full-width folded, so "已 完成。" reads as "已完成".
fn squeeze(t: &str) -> String {
    to_half_width(t)
        .chars()
        .filter(|c| {
            !c.is_whitespace()
                && !c.is_ascii_punctuation()
                && !"，。；、：！？“”‘’（）".contains(*c)
        })
        .collect()
}

/// Judges a 定性 row from its 指标值 and 实际完成值 texts with the catalogue above.
pub fn judge(target: &str, actual: &str) -> TextVerdict {
    let (t_raw, a_raw) = (target.trim(), actual.trim());
    for raw in [t_raw, a_raw] {
        if is_spreadsheet_error(raw) {
            return TextVerdict::NeedsJudgement(NeedsWhy::SpreadsheetError(raw.to_owned()));
        }
    }
    if a_raw.is_empty() {
        return TextVerdict::NeedsJudgement(NeedsWhy::BlankActual);
    }
    if t_raw.is_empty() {
        return TextVerdict::NeedsJudgement(NeedsWhy::BlankTarget);
    }
    let a = squeeze(a_raw);
    let t = squeeze(t_raw);
    let band = |grade, phrase: &str| TextVerdict::Band {
        grade,
        phrase: phrase.to_owned(),
    };
    if let Some(p) = NOT_ACHIEVED.iter().find(|p| a.contains(**p)) {
        return band(QualitativeGrade::NotAchieved, p);
    }
    if !t.is_empty()
        && let Some(n) = NEGATIONS.iter().find(|n| a.contains(&format!("{n}{t}")))
    {
        return band(QualitativeGrade::NotAchieved, &format!("{n}{t}"));
    }
    if let Some(p) = PARTIAL.iter().find(|p| a.contains(**p)) {
        return band(QualitativeGrade::Partial, p);
    }
    // "部分建立", "大部分到位": partly, whatever the verb.
    if a.contains("部分") {
        return band(QualitativeGrade::Partial, "部分");
    }
    if !t.is_empty() && a == t {
        return band(QualitativeGrade::Achieved, "与指标值一致");
    }
    if HEDGES.iter().any(|h| a.contains(h)) {
        return TextVerdict::NeedsJudgement(NeedsWhy::UnknownWords(a_raw.to_owned()));
    }
    if let Some(p) = ACHIEVED.iter().find(|p| a.contains(**p)) {
        return band(QualitativeGrade::Achieved, p);
    }
    if !t.is_empty() && a.contains(&t) {
        return band(QualitativeGrade::Achieved, "与指标值一致");
    }
    TextVerdict::NeedsJudgement(NeedsWhy::UnknownWords(a_raw.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grade(t: &str, a: &str) -> Option<QualitativeGrade> {
        match judge(t, a) {
            TextVerdict::Band { grade, .. } => Some(grade),
            TextVerdict::NeedsJudgement(_) => None,
        }
    }

    #[test]
    fn negations_are_read_before_the_words_they_contain() {
        assert_eq!(grade("完成", "未完成"), Some(QualitativeGrade::NotAchieved));
        assert_eq!(grade("完成", "基本完成"), Some(QualitativeGrade::Partial));
        assert_eq!(grade("完成", "已完成。"), Some(QualitativeGrade::Achieved));
        assert_eq!(grade("及时", "不及时"), Some(QualitativeGrade::NotAchieved));
        assert_eq!(grade("提升", "明显提升"), Some(QualitativeGrade::Achieved));
        assert_eq!(
            grade("效果明显", "部分达成"),
            Some(QualitativeGrade::Partial)
        );
    }

    #[test]
    fn unknown_blank_and_error_cells_wait_for_the_evaluator() {
        assert_eq!(grade("完成", "存在超支"), None);
        // The target's own words negated: not met.
        assert_eq!(
            grade("按时完成", "未按时完成"),
            Some(QualitativeGrade::NotAchieved)
        );
        // Against a plain 完成 target, "late" is for the evaluator to weigh.
        assert_eq!(grade("完成", "未按时完成"), None);
        assert_eq!(grade("完成", "未能完成"), None);
        assert_eq!(
            grade("无安全事故", "无安全事故"),
            Some(QualitativeGrade::Achieved)
        );
        assert_eq!(grade("", "完成"), None);
        assert_eq!(grade("完成", ""), None);
        assert_eq!(
            judge("#NAME?", "完成"),
            TextVerdict::NeedsJudgement(NeedsWhy::SpreadsheetError("#NAME?".to_owned()))
        );
    }
}
