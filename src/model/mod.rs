//! The document model: plain serde data, no window code and no I/O.

pub mod amount;
pub mod budget;
pub mod columns;
pub mod department;
pub mod evaluation;
pub mod indicator;
pub mod metric;
pub mod number;
pub mod number_error;
pub mod profile;
pub mod progress;
pub mod project;
pub mod row_id;
pub mod target;
pub mod template;
pub mod workspace;

pub use amount::Amount;
pub use budget::*;
pub use columns::{
    DisbursementColumn, EconomicColumn, FunctionalLineColumn, ProjectColumn, UnitIncomeColumn,
};
pub use department::*;
pub use evaluation::*;
pub use indicator::*;
pub use metric::*;
pub use number::{AmountUnit, parse_number_opt};
pub use number_error::{NumberError, NumberErrorKind};
pub use profile::*;
pub use progress::{ProgressSettings, WarningBands};
pub use project::*;
pub use row_id::{HasRowId, RowId, RowTag};
pub use target::*;
pub use template::EvaluationTemplate;
pub use workspace::{FORMAT_VERSION, UnknownId, Workspace, pick};
