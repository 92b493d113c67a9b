//! Which key does what: the grid's keyboard map and the cursor moves, as plain functions of
//! the key and the grid's size so they can be tested without a window.

use egui::{Key, Modifiers};

/// A key the grid acts on while no cell is being edited.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum KeyCmd {
    /// Move the cursor; `extend` keeps the anchor (Shift).
    Move {
        to: Target,
        extend: bool,
    },
    /// Tab / Shift+Tab: one cell right / left, wrapping to the next / previous row.
    Tab {
        back: bool,
    },
    /// Enter / Shift+Enter: one cell down / up, wrapping to the next / previous column.
    Enter {
        back: bool,
    },
    SelectAll,
    /// F2: edit the cell keeping its text.
    Edit,
    /// Delete / Backspace.
    Clear,
    InsertAbove,
    InsertBelow,
    DeleteRows,
    Indent,
    Outdent,
    MoveUp,
    MoveDown,
}

/// Where a navigation key sends the cursor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Target {
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    RowStart,
    RowEnd,
    /// Ctrl+Up / Ctrl+Down / Ctrl+Left / Ctrl+Right: to the edge of the table.
    Top,
    Bottom,
    FirstCol,
    LastCol,
    /// Ctrl+Home / Ctrl+End.
    First,
    Last,
}

/// The command for a key press while not editing, if the grid has one. Ctrl+Z and Ctrl+Y have
/// none on purpose: the app owns undo.
pub(super) fn key_command(key: Key, m: Modifiers) -> Option<KeyCmd> {
    let cmd = m.command;
    let only_shift = m.shift && !cmd && !m.alt;
    let plain = !m.shift && !cmd && !m.alt;
    let nav = |to| {
        Some(KeyCmd::Move {
            to,
            extend: m.shift,
        })
    };
    match key {
        // Excel's outline keys: Alt+Shift+arrows group, ungroup and (here) move rows.
        Key::ArrowRight if m.alt && m.shift => Some(KeyCmd::Indent),
        Key::ArrowLeft if m.alt && m.shift => Some(KeyCmd::Outdent),
        Key::ArrowUp if m.alt && m.shift => Some(KeyCmd::MoveUp),
        Key::ArrowDown if m.alt && m.shift => Some(KeyCmd::MoveDown),
        _ if m.alt => None,
        Key::ArrowUp if cmd => nav(Target::Top),
        Key::ArrowDown if cmd => nav(Target::Bottom),
        Key::ArrowLeft if cmd => nav(Target::FirstCol),
        Key::ArrowRight if cmd => nav(Target::LastCol),
        Key::ArrowUp => nav(Target::Up),
        Key::ArrowDown => nav(Target::Down),
        Key::ArrowLeft => nav(Target::Left),
        Key::ArrowRight => nav(Target::Right),
        Key::PageUp if !cmd => nav(Target::PageUp),
        Key::PageDown if !cmd => nav(Target::PageDown),
        Key::Home if cmd => nav(Target::First),
        Key::End if cmd => nav(Target::Last),
        Key::Home => nav(Target::RowStart),
        Key::End => nav(Target::RowEnd),
        Key::Tab if plain || only_shift => Some(KeyCmd::Tab { back: m.shift }),
        Key::Enter if plain || only_shift => Some(KeyCmd::Enter { back: m.shift }),
        Key::Enter if cmd && !m.shift => Some(KeyCmd::InsertBelow),
        Key::A if cmd && !m.shift => Some(KeyCmd::SelectAll),
        Key::F2 if plain => Some(KeyCmd::Edit),
        Key::Delete | Key::Backspace if plain => Some(KeyCmd::Clear),
        // Ctrl+Shift+= arrives as Plus on most layouts, as Equals with Shift on others.
        Key::Plus if cmd => Some(KeyCmd::InsertAbove),
        Key::Equals if cmd && m.shift => Some(KeyCmd::InsertAbove),
        Key::Minus if cmd && !m.shift => Some(KeyCmd::DeleteRows),
        _ => None,
    }
}

/// The cell a navigation target leads to from `at`, in a grid of `rows` × `cols` (both > 0).
/// `page` is the number of rows a page key moves.
pub(super) fn target_cell(
    to: Target,
    at: (usize, usize),
    rows: usize,
    cols: usize,
    page: usize,
) -> (usize, usize) {
    let (r, c) = at;
    let last_r = rows.saturating_sub(1);
    let last_c = cols.saturating_sub(1);
    match to {
        Target::Up => (r.saturating_sub(1), c),
        Target::Down => ((r + 1).min(last_r), c),
        Target::Left => (r, c.saturating_sub(1)),
        Target::Right => (r, (c + 1).min(last_c)),
        Target::PageUp => (r.saturating_sub(page), c),
        Target::PageDown => (r.saturating_add(page).min(last_r), c),
        Target::RowStart | Target::FirstCol => (r, 0),
        Target::RowEnd | Target::LastCol => (r, last_c),
        Target::Top => (0, c),
        Target::Bottom => (last_r, c),
        Target::First => (0, 0),
        Target::Last => (last_r, last_c),
    }
}

/// Tab from `at`: right, or to the first column of the next row; Shift+Tab the other way.
/// Stays put at the table's first or last cell.
pub(super) fn tab_cell(at: (usize, usize), rows: usize, cols: usize, back: bool) -> (usize, usize) {
    let (r, c) = at;
    if back {
        if c > 0 {
            (r, c - 1)
        } else if r > 0 {
            (r - 1, cols.saturating_sub(1))
        } else {
            at
        }
    } else if c + 1 < cols {
        (r, c + 1)
    } else if r + 1 < rows {
        (r + 1, 0)
    } else {
        at
    }
}

/// Enter from `at`: down, or to the top of the next column; Shift+Enter the other way. After a
/// run of Tabs that started in `tab_start` column, Enter goes down to that column (Excel's
/// data-entry habit: type a row with Tab, Enter starts the next row).
pub(super) fn enter_cell(
    at: (usize, usize),
    rows: usize,
    cols: usize,
    back: bool,
    tab_start: Option<usize>,
) -> (usize, usize) {
    let (r, c) = at;
    if back {
        if r > 0 {
            (r - 1, c)
        } else if c > 0 {
            (rows.saturating_sub(1), c - 1)
        } else {
            at
        }
    } else if r + 1 < rows {
        (r + 1, tab_start.unwrap_or(c).min(cols.saturating_sub(1)))
    } else if c + 1 < cols {
        (0, c + 1)
    } else {
        at
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outline_and_row_shortcuts() {
        let alt_shift = Modifiers::ALT | Modifiers::SHIFT;
        assert_eq!(
            key_command(Key::ArrowRight, alt_shift),
            Some(KeyCmd::Indent)
        );
        assert_eq!(
            key_command(Key::ArrowLeft, alt_shift),
            Some(KeyCmd::Outdent)
        );
        assert_eq!(
            key_command(Key::Plus, Modifiers::COMMAND),
            Some(KeyCmd::InsertAbove)
        );
        assert_eq!(
            key_command(Key::Equals, Modifiers::COMMAND | Modifiers::SHIFT),
            Some(KeyCmd::InsertAbove)
        );
        assert_eq!(
            key_command(Key::Minus, Modifiers::COMMAND),
            Some(KeyCmd::DeleteRows)
        );
        assert_eq!(
            key_command(Key::Enter, Modifiers::COMMAND),
            Some(KeyCmd::InsertBelow)
        );
        assert_eq!(key_command(Key::Z, Modifiers::COMMAND), None);
        assert_eq!(key_command(Key::Y, Modifiers::COMMAND), None);
    }

    #[test]
    fn moves_stay_inside() {
        assert_eq!(target_cell(Target::Up, (0, 0), 5, 3, 10), (0, 0));
        assert_eq!(target_cell(Target::PageDown, (1, 2), 5, 3, 10), (4, 2));
        assert_eq!(target_cell(Target::Last, (1, 1), 5, 3, 10), (4, 2));
        assert_eq!(tab_cell((0, 2), 5, 3, false), (1, 0));
        assert_eq!(tab_cell((1, 0), 5, 3, true), (0, 2));
        assert_eq!(tab_cell((4, 2), 5, 3, false), (4, 2));
        assert_eq!(enter_cell((4, 0), 5, 3, false, None), (0, 1));
        assert_eq!(enter_cell((0, 1), 5, 3, true, None), (4, 0));
        assert_eq!(enter_cell((1, 2), 5, 3, false, Some(0)), (2, 0));
    }
}
