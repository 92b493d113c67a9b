//! “三公”经费表 → [`ThreePublic`]: the one row of figures under the header.

use std::collections::BTreeSet;

use crate::model::ThreePublic;

use super::layout::Field;
use super::rows::{Cells, RowKind, RowNote, note, skipped};

pub struct Read {
    pub three: ThreePublic,
    pub rows: Vec<RowNote>,
}

pub fn read(cells: &mut Cells<'_>, skip: &BTreeSet<usize>, keep: &ThreePublic) -> Read {
    let mut three = keep.clone();
    let mut rows = Vec::new();
    let mut done = false;
    for r in cells.header.data_start()..cells.sheet.rows.len() {
        if let Some(reason) = skipped(cells, skip, r) {
            rows.push(note(r, RowKind::Skipped, reason));
            continue;
        }
        if done {
            rows.push(note(r, RowKind::Skipped, "“三公”经费表只读第一行数字"));
            continue;
        }
        three.total = cells.amount(r, Field::ThreeTotal);
        three.abroad = cells.amount(r, Field::Abroad);
        three.vehicles = cells.amount(r, Field::Vehicles);
        three.vehicle_purchase = cells.amount(r, Field::VehiclePurchase);
        three.vehicle_operation = cells.amount(r, Field::VehicleOperation);
        three.reception = cells.amount(r, Field::Reception);
        rows.push(note(
            r,
            RowKind::Added,
            "“三公”经费预算（合计由检查与各项之和核对）",
        ));
        done = true;
    }
    Read { three, rows }
}
