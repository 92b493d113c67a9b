//! `jixiao review`: the options as the command line gives them, checked, then the batch
//! reviewed and written as text or JSON, with the xlsx and PDF beside it when asked.

use std::path::PathBuf;

use crate::model::{AmountUnit, ScoringProfile};

use super::error::ReviewError;
use super::{Batch, ReviewOptions, review_paths};

/// The options of `jixiao review`, as parsed.
#[derive(Clone, Debug, Default)]
pub struct Command {
    pub paths: Vec<PathBuf>,
    pub profile: Option<String>,
    pub unit: Option<String>,
    pub xlsx: Option<PathBuf>,
    pub pdf: Option<PathBuf>,
    pub json: bool,
}

/// Exit code when some file or form could not be reviewed (all others were).
pub const EXIT_SOME_UNREAD: i32 = 4;

/// Reads `--unit`: 元, 万元 or 千元 (also `yuan`, `wan`, `qian`).
pub fn parse_unit(word: &str) -> Result<AmountUnit, ReviewError> {
    AmountUnit::from_label(word).ok_or_else(|| ReviewError::UnknownUnit(word.trim().to_owned()))
}

/// The built-in profile called `name` (its short name or its full name).
pub fn profile_named(name: &str) -> Result<ScoringProfile, ReviewError> {
    ScoringProfile::by_name(name).ok_or_else(|| ReviewError::UnknownProfile {
        name: name.trim().to_owned(),
        known: ScoringProfile::names().join("、"),
    })
}

impl Command {
    /// The batch options, or why the arguments are refused.
    pub fn options(&self) -> Result<ReviewOptions, ReviewError> {
        Ok(ReviewOptions {
            profile: self.profile.as_deref().map(profile_named).transpose()?,
            unit: self.unit.as_deref().map(parse_unit).transpose()?,
            ..ReviewOptions::default()
        })
    }

    /// Runs the review; returns the exit code (0, or [`EXIT_SOME_UNREAD`]). Errors are for
    /// refused arguments and outputs that cannot be written.
    pub fn run(&self, out: &mut dyn std::io::Write) -> Result<i32, ReviewError> {
        let opts = self.options()?;
        let batch = review_paths(&self.paths, &opts);
        self.write(&batch, out)?;
        Ok(if batch.all_read() {
            0
        } else {
            EXIT_SOME_UNREAD
        })
    }

    fn write(&self, batch: &Batch, out: &mut dyn std::io::Write) -> Result<(), ReviewError> {
        if self.json {
            serde_json::to_writer_pretty(&mut *out, batch)?;
            let _ = writeln!(out);
        } else {
            let _ = write!(out, "{}", super::text::batch_text(batch));
        }
        let mut said = Vec::new();
        if let Some(path) = &self.xlsx {
            let bytes = super::xlsx::workbook_bytes(batch)?;
            crate::store::write_atomic(path, &bytes).map_err(ReviewError::SaveWorkbook)?;
            said.push(format!("已写出复核汇总表：{}", path.display()));
        }
        if let Some(path) = &self.pdf {
            let (pages, bytes) = super::pdf::review_pdf(batch)?;
            crate::store::write_atomic(path, &bytes).map_err(ReviewError::SavePdf)?;
            said.push(format!(
                "已写出复核意见 PDF：{} 份，{pages} 页 → {}",
                batch.forms.len(),
                path.display()
            ));
        }
        // Under --json, stdout stays one JSON document.
        if !self.json {
            for s in said {
                let _ = writeln!(out, "{s}");
            }
        }
        Ok(())
    }
}
