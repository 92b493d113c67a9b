//! Table rules for the PDF writer: the outlines of a run of table cells, collected, with the
//! edges two cells share drawn once and the edges of a row or column joined into one line.
//!
//! A 1,600-row summary outlined every cell as its own closed path (a `q … RG w … m l l l h S Q`
//! block of about 150 bytes for each of 200 cells a page): more than half of each page's
//! content stream. Merged, a page's grid is a few dozen lines in one path.

/// Coordinates are compared at 1/100 pt: cell edges computed as sums of column widths may
/// differ from the next cell's origin in the last bits of an `f32`.
const GRID: f32 = 100.0;

/// The snapped key of a coordinate.
#[allow(clippy::cast_possible_truncation)]
fn key(v: f32) -> i64 {
    (v * GRID).round() as i64
}

#[allow(clippy::cast_precision_loss)]
fn unkey(k: i64) -> f32 {
    k as f32 / GRID
}

/// Axis-aligned segments of one stroke (width and colour), to be drawn in one path.
#[derive(Debug, Default)]
pub struct Rules {
    /// (y, x0, x1), snapped, x0 ≤ x1.
    horizontal: Vec<(i64, i64, i64)>,
    /// (x, y0, y1), snapped, y0 ≤ y1.
    vertical: Vec<(i64, i64, i64)>,
}

impl Rules {
    pub fn is_empty(&self) -> bool {
        self.horizontal.is_empty() && self.vertical.is_empty()
    }

    /// Adds the four edges of a rectangle (top-left corner, width, height).
    pub fn add_rect(&mut self, x: f32, y: f32, w: f32, h: f32) {
        let (x0, x1) = (key(x.min(x + w)), key(x.max(x + w)));
        let (y0, y1) = (key(y.min(y + h)), key(y.max(y + h)));
        self.horizontal.push((y0, x0, x1));
        self.horizontal.push((y1, x0, x1));
        self.vertical.push((x0, y0, y1));
        self.vertical.push((x1, y0, y1));
    }

    /// The merged lines, horizontal ones first, each as `((x0, y0), (x1, y1))`, and empties
    /// the collection. Segments on one line that overlap or touch become one.
    pub fn take_lines(&mut self) -> Vec<((f32, f32), (f32, f32))> {
        let mut out = Vec::new();
        for (at, from, to) in merge(std::mem::take(&mut self.horizontal)) {
            out.push(((unkey(from), unkey(at)), (unkey(to), unkey(at))));
        }
        for (at, from, to) in merge(std::mem::take(&mut self.vertical)) {
            out.push(((unkey(at), unkey(from)), (unkey(at), unkey(to))));
        }
        out
    }
}

/// Sorts segments `(line, start, end)` and joins those on the same line that overlap or touch.
fn merge(mut segments: Vec<(i64, i64, i64)>) -> Vec<(i64, i64, i64)> {
    segments.sort_unstable();
    let mut out: Vec<(i64, i64, i64)> = Vec::with_capacity(segments.len());
    for (line, start, end) in segments {
        match out.last_mut() {
            Some(last) if last.0 == line && start <= last.2 => last.2 = last.2.max(end),
            _ => out.push((line, start, end)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::float_cmp)]
    use super::*;

    #[test]
    fn a_row_of_two_cells_is_two_rules_and_three_verticals() {
        let mut r = Rules::default();
        r.add_rect(10.0, 20.0, 30.0, 5.0);
        r.add_rect(40.0, 20.0, 15.5, 5.0);
        assert_eq!(
            r.take_lines(),
            vec![
                ((10.0, 20.0), (55.5, 20.0)),
                ((10.0, 25.0), (55.5, 25.0)),
                ((10.0, 20.0), (10.0, 25.0)),
                ((40.0, 20.0), (40.0, 25.0)),
                ((55.5, 20.0), (55.5, 25.0)),
            ]
        );
        assert!(r.is_empty());
    }

    #[test]
    fn rows_stacked_share_their_rule_and_join_their_columns() {
        let mut r = Rules::default();
        // Two rows of one 30 pt cell, 5 and 12.5 pt high; the second starts where the first
        // ends, up to float noise from summing heights.
        r.add_rect(0.0, 0.0, 30.0, 5.0);
        r.add_rect(0.0, 5.000_001, 30.0, 12.5);
        assert_eq!(
            r.take_lines(),
            vec![
                ((0.0, 0.0), (30.0, 0.0)),
                ((0.0, 5.0), (30.0, 5.0)),
                ((0.0, 17.5), (30.0, 17.5)),
                ((0.0, 0.0), (0.0, 17.5)),
                ((30.0, 0.0), (30.0, 17.5)),
            ]
        );
    }

    #[test]
    fn cells_apart_stay_apart() {
        let mut r = Rules::default();
        r.add_rect(0.0, 0.0, 10.0, 10.0);
        r.add_rect(20.0, 0.0, 10.0, 10.0);
        let lines = r.take_lines();
        assert_eq!(lines.len(), 8);
        assert_eq!(lines[0], ((0.0, 0.0), (10.0, 0.0)));
        assert_eq!(lines[1], ((20.0, 0.0), (30.0, 0.0)));
    }
}
