//! App actions (open, save, undo …): one list with labels and shortcuts, so the menu, the
//! keyboard and the tests go through the same door.

use egui::{Key, KeyboardShortcut, Modifiers};

/// Something the user asks the app (not a grid) to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    New,
    Open,
    Import,
    Save,
    SaveAs,
    OpenSample,
    /// 打印预览 of the current evaluation.
    PrintPreview,
    /// 导出 PDF… of the current evaluation.
    ExportPdf,
    /// 打印 the current evaluation (lp, or the default PDF viewer).
    Print,
    /// 导出 Excel… of the whole workspace.
    ExportExcel,
    /// 批量复核… of a folder of submitted 自评表.
    Review,
    Undo,
    Redo,
    Quit,
}

impl Action {
    pub const ALL: [Action; 14] = [
        Action::New,
        Action::Open,
        Action::Import,
        Action::Save,
        Action::SaveAs,
        Action::OpenSample,
        Action::PrintPreview,
        Action::ExportPdf,
        Action::Print,
        Action::ExportExcel,
        Action::Review,
        Action::Undo,
        Action::Redo,
        Action::Quit,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Action::New => "新建工作区",
            Action::Open => "打开…",
            Action::Import => "导入表格…",
            Action::Save => "保存",
            Action::SaveAs => "另存为…",
            Action::OpenSample => "打开内置样例",
            Action::PrintPreview => "打印预览…",
            Action::ExportPdf => "导出 PDF…",
            Action::Print => "打印",
            Action::ExportExcel => "导出 Excel…",
            Action::Review => "批量复核…",
            Action::Undo => "撤销",
            Action::Redo => "重做",
            Action::Quit => "退出",
        }
    }

    /// The main shortcut (Ctrl on Linux/Windows, ⌘ on macOS).
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let cmd = Modifiers::COMMAND;
        let cmd_shift = Modifiers::COMMAND | Modifiers::SHIFT;
        Some(match self {
            Action::New => KeyboardShortcut::new(cmd, Key::N),
            Action::Open => KeyboardShortcut::new(cmd, Key::O),
            Action::Import => KeyboardShortcut::new(cmd, Key::I),
            Action::Save => KeyboardShortcut::new(cmd, Key::S),
            Action::SaveAs => KeyboardShortcut::new(cmd_shift, Key::S),
            Action::Undo => KeyboardShortcut::new(cmd, Key::Z),
            Action::Redo => KeyboardShortcut::new(cmd, Key::Y),
            Action::Quit => KeyboardShortcut::new(cmd, Key::Q),
            Action::Print => KeyboardShortcut::new(cmd, Key::P),
            Action::PrintPreview => KeyboardShortcut::new(cmd_shift, Key::P),
            Action::OpenSample | Action::ExportPdf | Action::ExportExcel | Action::Review => {
                return None;
            }
        })
    }

    /// Other shortcuts for the same action (Ctrl+Shift+Z redoes too).
    pub fn alternate_shortcut(self) -> Option<KeyboardShortcut> {
        match self {
            Action::Redo => Some(KeyboardShortcut::new(
                Modifiers::COMMAND | Modifiers::SHIFT,
                Key::Z,
            )),
            _ => None,
        }
    }

    /// Whether the action acts on the document and must yield to a focused text field
    /// (whose own Ctrl+Z undoes typing).
    pub fn yields_to_text_fields(self) -> bool {
        matches!(self, Action::Undo | Action::Redo)
    }
}
