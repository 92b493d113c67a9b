//! Form fields bound to the document: the text being typed lives in UI state and becomes an
//! edit only when committed (Enter or focus loss) and valid; an invalid entry stays in the
//! field with its reason beside it and changes nothing.

use std::collections::HashMap;

use crate::model::number::{AmountUnit, parse_amount_input};
use crate::model::{Amount, parse_number_opt};

/// Text buffers of fields being edited, by widget id.
pub type Buffers = HashMap<egui::Id, String>;

/// A single-line text field; returns the new text when the user commits a change.
pub fn text_field(
    ui: &mut egui::Ui,
    buffers: &mut Buffers,
    id: egui::Id,
    label: &str,
    value: &str,
    width: f32,
) -> Option<String> {
    committed(ui, buffers, id, label, value, width, false, |t| {
        Ok(t.to_owned())
    })
}

/// A multi-line text field.
pub fn multiline_field(
    ui: &mut egui::Ui,
    buffers: &mut Buffers,
    id: egui::Id,
    label: &str,
    value: &str,
    width: f32,
) -> Option<String> {
    committed(ui, buffers, id, label, value, width, true, |t| {
        Ok(t.to_owned())
    })
}

/// An amount field (万元 by default); blank means missing.
pub fn amount_field(
    ui: &mut egui::Ui,
    buffers: &mut Buffers,
    id: egui::Id,
    label: &str,
    value: Amount,
    unit: AmountUnit,
) -> Option<Amount> {
    committed(
        ui,
        buffers,
        id,
        label,
        &value.to_string(),
        120.0,
        false,
        |t| parse_amount_input(t, unit).map_err(|e| e.to_string()),
    )
}

/// An optional whole number (headcounts).
pub fn count_field(
    ui: &mut egui::Ui,
    buffers: &mut Buffers,
    id: egui::Id,
    label: &str,
    value: Option<u32>,
) -> Option<Option<u32>> {
    let shown = value.map(|v| v.to_string()).unwrap_or_default();
    committed(ui, buffers, id, label, &shown, 80.0, false, |t| {
        let t = t.trim();
        if t.is_empty() {
            return Ok(None);
        }
        t.parse::<u32>()
            .map(Some)
            .map_err(|_| "请填写非负整数".to_owned())
    })
}

/// An optional decimal (percent shares, thresholds).
pub fn decimal_field(
    ui: &mut egui::Ui,
    buffers: &mut Buffers,
    id: egui::Id,
    label: &str,
    value: Option<rust_decimal::Decimal>,
) -> Option<Option<rust_decimal::Decimal>> {
    let shown = value.map(|v| v.to_string()).unwrap_or_default();
    committed(ui, buffers, id, label, &shown, 90.0, false, |t| {
        parse_number_opt(t).map_err(|e| e.to_string())
    })
}

#[allow(clippy::too_many_arguments)]
fn committed<T>(
    ui: &mut egui::Ui,
    buffers: &mut Buffers,
    id: egui::Id,
    label: &str,
    value: &str,
    width: f32,
    multiline: bool,
    parse: impl Fn(&str) -> Result<T, String>,
) -> Option<T> {
    let error_id = id.with("error");
    let has_focus = ui.memory(|m| m.has_focus(id));
    let stale = !has_focus && ui.data(|d| d.get_temp::<String>(error_id)).is_none();
    let buf = buffers.entry(id).or_insert_with(|| value.to_owned());
    if stale && buf != value {
        value.clone_into(buf);
    }
    let mut result = None;
    ui.horizontal(|ui| {
        let label_resp = ui.label(label);
        let edit = if multiline {
            egui::TextEdit::multiline(buf).desired_rows(3)
        } else {
            egui::TextEdit::singleline(buf)
        };
        let resp = ui
            .add(edit.id(id).desired_width(width))
            .labelled_by(label_resp.id);
        if resp.lost_focus() {
            match parse(buf) {
                Ok(v) => {
                    ui.data_mut(|d| d.remove::<String>(error_id));
                    if buf.as_str() != value {
                        result = Some(v);
                    }
                }
                Err(e) => {
                    ui.data_mut(|d| d.insert_temp(error_id, e));
                }
            }
        }
        if let Some(e) = ui.data(|d| d.get_temp::<String>(error_id)) {
            ui.colored_label(egui::Color32::from_rgb(200, 40, 40), e);
        }
    });
    result
}
