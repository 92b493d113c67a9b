//! The document layer: the one way to change a workspace. Every change is an [`Edit`], applied
//! by [`apply`], which returns its inverse; [`Document`] keeps the undo history, the revision and
//! the dirty state. Depends only on `model`.

pub mod edit;

pub use edit::{Document, Edit, EditError, Row, TableRef, UNDO_LIMIT, apply};
