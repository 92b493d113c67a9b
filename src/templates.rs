//! Built-in evaluation templates, embedded from `assets/templates/` so the binary needs no
//! files beside it.

use crate::model::EvaluationTemplate;

/// The template files: (file name, RON text).
const SOURCES: [(&str, &str); 3] = [
    (
        "project-framework.ron",
        include_str!("../assets/templates/project-framework.ron"),
    ),
    (
        "department-framework.ron",
        include_str!("../assets/templates/department-framework.ron"),
    ),
    (
        "self-evaluation.ron",
        include_str!("../assets/templates/self-evaluation.ron"),
    ),
];

/// Every built-in template. A template that fails to parse is a build defect caught by the
/// tests; at run time it is skipped with its error returned beside the rest.
pub fn builtin() -> (Vec<EvaluationTemplate>, Vec<String>) {
    let mut ok = Vec::new();
    let mut errors = Vec::new();
    for (name, text) in SOURCES {
        match ron::from_str::<EvaluationTemplate>(text) {
            Ok(t) => ok.push(t),
            Err(e) => errors.push(format!("模板 {name} 无法读取：{e}")),
        }
    }
    (ok, errors)
}
