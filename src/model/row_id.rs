//! Stable row ids (行标识): the rows the window selects, folds and flags (功能分类 and 经济分类
//! lines, 收支总表 and 单位收入 lines, cost items, disbursements, 绩效目标, indicator rows) carry an id that stays with
//! the row while rows are inserted, deleted or moved around it, and comes back with it on undo.
//!
//! Ids live only in memory: they are not written to the workspace file (so the file format and
//! the sample do not change), every row read or built gets a fresh one, and they take no part
//! in equality (two rows with the same figures are equal whatever their ids).

use std::sync::atomic::{AtomicU64, Ordering};

/// The next id handed out (0 is never used).
static NEXT: AtomicU64 = AtomicU64::new(1);

/// A row's id, unique among the rows of its table in the open document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RowId(u64);

impl RowId {
    /// An id no row has had before in this process.
    pub fn fresh() -> RowId {
        RowId(NEXT.fetch_add(1, Ordering::Relaxed))
    }
}

/// The field holding a row's [`RowId`]: a fresh id by default (so a row read from a file or
/// built in code has one), skipped by serde, and equal to every other tag (ids are not
/// content). A clone keeps the id: a row copied, changed and put back in its place is the
/// same row.
#[derive(Clone, Copy)]
pub struct RowTag(RowId);

impl RowTag {
    pub fn id(self) -> RowId {
        self.0
    }

    /// Gives the row a new id (a copy inserted beside its original becomes another row).
    pub fn renew(&mut self) {
        self.0 = RowId::fresh();
    }
}

impl Default for RowTag {
    fn default() -> RowTag {
        RowTag(RowId::fresh())
    }
}

impl PartialEq for RowTag {
    fn eq(&self, _: &RowTag) -> bool {
        true
    }
}

impl Eq for RowTag {}

impl std::fmt::Debug for RowTag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "#{}", (self.0).0)
    }
}

/// A row that carries a [`RowTag`].
pub trait HasRowId {
    fn tag(&self) -> RowTag;
    fn tag_mut(&mut self) -> &mut RowTag;

    fn row_id(&self) -> RowId {
        self.tag().id()
    }
}

/// Renews the ids of rows whose id another row of `rows` already has (the later copies), so
/// every id names one row. Rows with distinct ids keep theirs.
pub fn make_unique<T: HasRowId>(rows: &mut [T]) {
    let mut seen = std::collections::HashSet::with_capacity(rows.len());
    for r in rows {
        if !seen.insert(r.row_id()) {
            r.tag_mut().renew();
            seen.insert(r.row_id());
        }
    }
}

/// Renews the ids of the rows `at..at + n` (just inserted) that another row of `rows` has, so
/// a copy inserted beside its original becomes a row of its own; rows put back by an undo
/// keep their ids (nothing else has them).
pub fn renew_copies<T: HasRowId>(rows: &mut [T], at: usize, n: usize) {
    let end = at.saturating_add(n).min(rows.len());
    if at >= end {
        return;
    }
    if n <= 8 {
        for i in at..end {
            let id = rows[i].row_id();
            if rows
                .iter()
                .enumerate()
                .any(|(j, r)| j != i && r.row_id() == id)
            {
                rows[i].tag_mut().renew();
            }
        }
    } else {
        let mut seen: std::collections::HashSet<RowId> = rows[..at]
            .iter()
            .chain(&rows[end..])
            .map(HasRowId::row_id)
            .collect();
        for r in &mut rows[at..end] {
            if !seen.insert(r.row_id()) {
                r.tag_mut().renew();
                seen.insert(r.row_id());
            }
        }
    }
}

/// The position of the row with id `id` in `rows`.
pub fn position<T: HasRowId>(rows: &[T], id: RowId) -> Option<usize> {
    rows.iter().position(|r| r.row_id() == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A row with an id and nothing else.
    #[derive(Clone, Debug, Default, PartialEq)]
    struct Disbursement {
        tag: RowTag,
    }

    impl HasRowId for Disbursement {
        fn tag(&self) -> RowTag {
            self.tag
        }

        fn tag_mut(&mut self) -> &mut RowTag {
            &mut self.tag
        }
    }

    #[test]
    fn ids_are_not_content_and_copies_are_made_distinct() {
        let a = Disbursement::default();
        let b = Disbursement::default();
        assert_ne!(a.row_id(), b.row_id());
        assert_eq!(a, b, "ids take no part in equality");
        let mut rows = vec![a.clone(), b, a.clone()];
        make_unique(&mut rows);
        assert_eq!(rows[0].row_id(), a.row_id(), "the first keeps its id");
        assert_ne!(rows[2].row_id(), a.row_id(), "the copy gets another");
        assert_ne!(rows[2].row_id(), rows[1].row_id());
        assert_eq!(position(&rows, rows[1].row_id()), Some(1));
    }

    #[test]
    fn only_inserted_copies_are_renewed() {
        let rows: Vec<Disbursement> = (0..3).map(|_| Disbursement::default()).collect();
        let ids: Vec<RowId> = rows.iter().map(HasRowId::row_id).collect();
        // A copy of row 0 inserted at 1, and row 2 put back where it was.
        let mut v = vec![
            rows[0].clone(),
            rows[0].clone(),
            rows[1].clone(),
            rows[2].clone(),
        ];
        renew_copies(&mut v, 1, 1);
        assert_eq!(v[0].row_id(), ids[0]);
        assert_ne!(v[1].row_id(), ids[0]);
        assert_eq!([v[2].row_id(), v[3].row_id()], [ids[1], ids[2]]);
        let mut many: Vec<Disbursement> = vec![rows[0].clone(); 12];
        renew_copies(&mut many, 0, 12);
        let distinct: std::collections::HashSet<RowId> =
            many.iter().map(HasRowId::row_id).collect();
        assert_eq!(distinct.len(), 12);
    }
}
