//! The window's UI state (selection, open page, grid and field buffers, folds), apart from the
//! document; moved from `ui/app.rs`, content unchanged.

use std::collections::HashMap;

use super::grid::GridState;
use super::view::View;
use crate::model::RowId;

/// UI state: selection, open pages, edit buffers. Losing it is harmless.
#[derive(Default)]
pub struct UiState {
    pub view: View,
    /// One grid state per grid (keyed by page and grid name).
    pub grids: HashMap<String, GridState>,
    /// Text buffers of form fields being edited.
    pub fields: HashMap<egui::Id, String>,
    /// The evaluation the score panel followed last (its id).
    pub last_evaluation: Option<String>,
    /// The selected indicator row of each evaluation (for the side editor): evaluation id →
    /// the row's id.
    pub selected_indicator: HashMap<String, RowId>,
    /// Collapsed 类/款 rows per functional table, (year, table) → the rows' ids.
    pub collapsed: HashMap<(i32, usize), std::collections::HashSet<RowId>>,
    /// The 批量复核 page and its batch (kept through edits; another workspace drops it).
    pub review: Option<Box<super::review::ReviewPage>>,
}
