//! The built-in templates parse, their weights add up, and their links fill in.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use jixiao::calc::score_evaluation;
use jixiao::model::{Actual, Evaluation, MetricRef, Subject, Workspace};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

#[test]
fn every_template_parses() {
    let (templates, errors) = jixiao::templates::builtin();
    assert!(errors.is_empty(), "{errors:?}");
    let names: Vec<&str> = templates.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names.len(), 3, "{names:?}");
}

#[test]
fn template_weights_add_up_to_100_at_every_level() {
    let (templates, _) = jixiao::templates::builtin();
    for t in &templates {
        let ev = Evaluation {
            indicators: t.instantiate(2021, &Subject::Department),
            profile: t.profile.clone(),
            ..Evaluation::default()
        };
        let b = score_evaluation(&Workspace::default(), &ev);
        assert_eq!(
            b.total.weight,
            dec!(100),
            "{}: leaves add to {}",
            t.name,
            b.total.weight
        );
        let top: Decimal = b.level1().map(|n| n.weight).sum();
        assert_eq!(top, dec!(100), "{}", t.name);
        for n in b.nodes.iter().filter(|n| !n.is_leaf) {
            assert_eq!(
                b.children_weight(n.index),
                Some(n.weight),
                "{}: {} children",
                t.name,
                n.name(&ev)
            );
        }
    }
}

#[test]
fn self_evaluation_template_has_the_national_weights() {
    let (templates, _) = jixiao::templates::builtin();
    let t = templates
        .iter()
        .find(|t| t.name == "项目支出绩效自评表")
        .unwrap();
    let level1: Vec<(String, Decimal)> = t
        .indicators
        .iter()
        .filter(|i| i.level == 1)
        .map(|i| (i.name.clone(), i.weight))
        .collect();
    let expected = [
        ("预算执行率", dec!(10)),
        ("产出指标", dec!(50)),
        ("效益指标", dec!(30)),
        ("满意度指标", dec!(10)),
    ];
    assert_eq!(level1.len(), 4);
    for ((n, w), (en, ew)) in level1.iter().zip(expected) {
        assert_eq!((n.as_str(), *w), (en, ew));
    }
}

#[test]
fn placeholders_are_filled_on_instantiation() {
    let (templates, _) = jixiao::templates::builtin();
    let dept = templates
        .iter()
        .find(|t| t.name.starts_with("部门整体"))
        .unwrap();
    let sheet = dept.instantiate(2024, &Subject::Department);
    let years: Vec<i32> = sheet
        .iter()
        .filter_map(|i| match &i.actual {
            Actual::Linked(MetricRef::Department { year, .. }) => Some(*year),
            _ => None,
        })
        .collect();
    assert!(!years.is_empty());
    assert!(years.iter().all(|&y| y == 2024), "{years:?}");
    let selfe = templates
        .iter()
        .find(|t| t.name == "项目支出绩效自评表")
        .unwrap();
    let sheet = selfe.instantiate(2021, &Subject::Project("p1".into()));
    assert!(sheet.iter().any(|i| matches!(&i.actual, Actual::Linked(MetricRef::Project { project, .. }) if project == "p1")));
}
