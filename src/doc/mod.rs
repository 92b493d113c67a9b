//! The document layer: the one way to change a workspace. Every change is an [`Edit`], applied
//! by [`apply`], which returns its inverse; [`Document`] keeps the undo history, the revision and
//! the dirty state. The window, the import and every command that writes a workspace go
//! through it. Depends only on `model`.

pub mod document;
pub mod edit;

pub use document::{Document, UNDO_LIMIT};
pub use edit::{Edit, EditError, Row, TableRef, apply};
