//! Display width of mixed Chinese/Latin text in a terminal, for aligned text tables.

/// Columns a string takes in a monospace terminal (CJK and full-width characters take two).
pub fn display_width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

fn char_width(c: char) -> usize {
    let cp = c as u32;
    let wide = matches!(cp,
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFD);
    if wide { 2 } else { 1 }
}

/// Pads `s` on the right to `width` columns.
pub fn pad_right(s: &str, width: usize) -> String {
    let w = display_width(s);
    let mut out = String::from(s);
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(w)));
    out
}

/// Pads `s` on the left to `width` columns (numbers).
pub fn pad_left(s: &str, width: usize) -> String {
    let w = display_width(s);
    let mut out: String = std::iter::repeat_n(' ', width.saturating_sub(w)).collect();
    out.push_str(s);
    out
}

/// Lays out rows as aligned columns separated by two spaces; `right[i]` right-aligns column i.
pub fn table(rows: &[Vec<String>], right: &[bool]) -> String {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..cols)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| display_width(s))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for r in rows {
        let mut line = String::new();
        for (c, cell) in r.iter().enumerate() {
            if c > 0 {
                line.push_str("  ");
            }
            let w = widths.get(c).copied().unwrap_or(0);
            if right.get(c).copied().unwrap_or(false) {
                line.push_str(&pad_left(cell, w));
            } else {
                line.push_str(&pad_right(cell, w));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_counts_double() {
        assert_eq!(display_width("投入管理"), 8);
        assert_eq!(display_width("84.69"), 5);
        assert_eq!(display_width("得分率%"), 7);
        assert_eq!(pad_left("34", 4), "  34");
    }
}
