//! Seed 003 (2024 部门预算公开) typed in exactly as published, then checked: the rounding gaps
//! RULES-RESEARCH.md §5 lists come out as rounding, the 30239 其他交通费用 quirk as the one real
//! mismatch, and the withheld project is deduced as 6,632.0.
//!
//! Every expected figure below was worked out by hand (and cross-checked with a separate
//! Python Decimal script), not taken from the code under test.

// Helpers outside `#[test]` functions read fixed text that is known to parse.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use jixiao::calc::checks::{Finding, FindingKind, Location, RowRef, TableRef, Tally, run_all};
use jixiao::model::number::parse_amount_input;
use jixiao::model::{
    Amount, AmountUnit, BudgetBook, CostCategory, EconomicLine, EconomicTable, EconomicTotals,
    FunctionalLine, FunctionalTable, HasRowId, LineLevel, NamedAmount, Project, ProjectFunding,
    ProjectKind, Split, ThreePublic, UnitIncome, Workspace,
};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn amount(cell: &str) -> Amount {
    parse_amount_input(cell, AmountUnit::WanYuan).expect("a published cell")
}

fn cells(line: &str) -> Vec<&str> {
    line.split('\t').collect()
}

fn cell<'a>(row: &[&'a str], i: usize) -> &'a str {
    row.get(i).copied().unwrap_or("")
}

fn functional_line(code: &str, name: &str, level: LineLevel, nine: &[&str]) -> FunctionalLine {
    let a = |i: usize| amount(cell(nine, i));
    FunctionalLine {
        code: code.to_owned(),
        name: name.to_owned(),
        level,
        total: a(0),
        basic: a(1),
        wages: a(2),
        family: a(3),
        goods: a(4),
        capital: a(5),
        project: a(6),
        operating: a(7),
        targeted: a(8),
        ..Default::default()
    }
}

/// 预算 03 表: 类 | 款 | 项 | 单位代码 | 名称 | nine columns.
fn table_03() -> FunctionalTable {
    let lines = TABLE_03
        .lines()
        .map(|l| {
            let r = cells(l);
            let code: String = r[..3].concat();
            let (code, level) = match (code.as_str(), r[3], r[4]) {
                (_, _, "合计") => (String::new(), LineLevel::Total),
                ("", unit, _) => (unit.to_owned(), LineLevel::Unit),
                _ => (code.clone(), LineLevel::Item),
            };
            functional_line(&code, r[4], level, &r[5..])
        })
        .collect();
    FunctionalTable {
        name: "部门支出总体情况表".to_owned(),
        note: String::new(),
        lines,
    }
}

/// 预算 05 表: 科目编码 | 科目名称 | nine columns.
fn table_05() -> FunctionalTable {
    let lines = TABLE_05
        .lines()
        .map(|l| {
            let r = cells(l);
            let level = LineLevel::from_code(r[0]).unwrap_or(LineLevel::Total);
            functional_line(r[0], r[1], level, &r[2..])
        })
        .collect();
    FunctionalTable {
        name: "一般公共预算支出情况表".to_owned(),
        note: "本表仅含当年财政拨款安排的支出。".to_owned(),
        lines,
    }
}

/// 预算 06 表: 部门科目编码 | 名称 | 政府科目编码 | 名称 | 合计 | 人员经费 | 公用经费.
fn table_06() -> EconomicTable {
    let mut total = EconomicTotals::default();
    let mut lines = Vec::new();
    for l in TABLE_06.lines() {
        let r = cells(l);
        if r[0] == "合计" {
            total = EconomicTotals {
                total: amount(r[4]),
                personnel: amount(r[5]),
                public: amount(r[6]),
            };
            continue;
        }
        lines.push(EconomicLine {
            dept_code: r[0].to_owned(),
            dept_name: r[1].to_owned(),
            gov_code: r[2].to_owned(),
            gov_name: r[3].to_owned(),
            amount: amount(r[4]),
            category: if cell(&r, 5).is_empty() {
                CostCategory::Public
            } else {
                CostCategory::Personnel
            },
            ..Default::default()
        });
    }
    EconomicTable {
        name: "一般公共预算基本支出表".to_owned(),
        note: String::new(),
        total,
        lines,
    }
}

/// 预算 02 表: 代码 | 名称 | 总计 | 合计 | 一般公共预算 | … | 其他收入 (column 14).
fn unit_income() -> Vec<UnitIncome> {
    TABLE_02
        .lines()
        .map(|l| {
            let r = cells(l);
            UnitIncome {
                code: r[0].to_owned(),
                name: r[1].to_owned(),
                total: amount(r[3]),
                general_budget: amount(r[4]),
                other: amount(cell(&r, 13)),
                is_total: r[1] == "合计",
                ..Default::default()
            }
        })
        .collect()
}

/// 预算 11 表 (项目支出预算表): 类型 | 项目名称 | 项目单位 | 合计 | 一般公共预算 | … | 财政专户 (11).
fn projects() -> Vec<Project> {
    TABLE_11
        .lines()
        .enumerate()
        .map(|(i, l)| {
            let r = cells(l);
            Project {
                id: format!("2024-{i:02}"),
                name: r[1].to_owned(),
                unit: r[2].to_owned(),
                year: 2024,
                kind: match r[0] {
                    "其他运转类" => ProjectKind::Operating,
                    "特定目标类" => ProjectKind::Targeted,
                    _ => ProjectKind::Unspecified,
                },
                budget_initial: amount(r[3]),
                funding: ProjectFunding {
                    general_budget: amount(r[4]),
                    special_account: amount(cell(&r, 10)),
                    ..ProjectFunding::default()
                },
                ..Project::default()
            }
        })
        .collect()
}

fn named(name: &str, cell: &str) -> NamedAmount {
    NamedAmount {
        name: name.to_owned(),
        amount: amount(cell),
        ..Default::default()
    }
}

fn seed_003() -> Workspace {
    let mut book = BudgetBook {
        year: 2024,
        published_decimals: Some(1),
        source: "003 2024 年部门预算公开".to_owned(),
        ..BudgetBook::default()
    };
    // 年初 from 03 表's 合计 row.
    book.totals.initial = Split {
        total: amount("96,262.5"),
        basic: amount("10,512.4"),
        project: amount("85,750.2"),
    };
    // 01 表.
    book.summary.income = vec![named("一般公共预算", "96,258.3"), named("其他收入", "4.2")];
    book.summary.income_total = amount("96,262.5");
    book.summary.expenditure = vec![
        named("社会保障和就业", "2,974.0"),
        named("卫生健康", "350.0"),
        named("资源勘探信息等", "89,943.0"),
        named("住房保障支出", "729.1"),
        named("灾害防治及应急管理", "2,266.4"),
    ];
    book.summary.expenditure_total = amount("96,262.5");
    book.unit_income = unit_income();
    book.functional = vec![table_03(), table_05()];
    book.economic = vec![table_06()];
    // 08 表: 74.5 | (blank) | 69.0 | (blank) | 69.0 | 5.5.
    book.three_public = ThreePublic {
        total: amount("74.5"),
        vehicles: amount("69.0"),
        vehicle_operation: amount("69.0"),
        reception: amount("5.5"),
        ..ThreePublic::default()
    };
    Workspace {
        budgets: vec![book],
        projects: projects(),
        ..Workspace::default()
    }
}

fn of<'a>(f: &'a [Finding], check: &str, kind: FindingKind) -> Vec<&'a Finding> {
    f.iter()
        .filter(|x| x.check == check && x.kind == kind)
        .collect()
}

/// (the last two parts of the place, printed, computed) of each finding.
fn triples(f: &[&Finding]) -> Vec<(String, Decimal, Decimal)> {
    f.iter()
        .map(|x| {
            let tail: Vec<&str> = x.place.rsplit(" · ").take(2).collect();
            (
                format!("{} · {}", tail[1], tail[0]),
                x.left.as_ref().unwrap().amount,
                x.right.as_ref().unwrap().amount,
            )
        })
        .collect()
}

fn owned(expected: &[(&str, Decimal, Decimal)]) -> Vec<(String, Decimal, Decimal)> {
    expected
        .iter()
        .map(|(p, l, r)| ((*p).to_owned(), *l, *r))
        .collect()
}

#[test]
fn the_typed_tables_are_the_published_ones() {
    let ws = seed_003();
    let b = &ws.budgets[0];
    assert_eq!(b.functional[0].lines.len(), 17); // 合计, 021, 15 项.
    assert_eq!(b.functional[1].lines.len(), 28); // 合计, 5 类, 7 款, 15 项.
    assert_eq!(b.economic[0].lines.len(), 54);
    assert_eq!(ws.projects.len(), 20);
    assert!(ws.projects[5].budget_initial.is_withheld());
    assert_eq!(b.functional[1].lines[13].code, "21505");
    assert_eq!(b.functional[1].lines[13].level, LineLevel::Section);
}

#[test]
fn hierarchy_gaps_are_rounding() {
    let ws = seed_003();
    let f = run_all(&ws);
    assert!(of(&f, "功能分类层级汇总", FindingKind::Error).is_empty());
    let r = of(&f, "功能分类层级汇总", FindingKind::Rounding);
    // 03 表 合计 and 021 rows over the 15 项: 基本 Σ 10,512.3, 商品和服务 Σ 1,663.2, 资本性 Σ 75.5.
    // 05 表 合计 over the 5 类: 基本 2,974.0 + 350.0 + 4,537.8 + 729.1 + 1,921.4 = 10,512.3,
    // 资本性 0.0 + 0.0 + 49.5 + 0.0 + 26.0 = 75.5; 款 21505 商品和服务 725.9 + 0.0 + 148.7 =
    // 874.6 vs 874.7; 款 22404 135.6 + 252.9 + 126.5 = 515.0 vs 515.1.
    let expected = [
        ("合计 · 基本支出", dec!(10512.4), dec!(10512.3)),
        ("合计 · 商品和服务支出", dec!(1663.4), dec!(1663.2)),
        ("合计 · 资本性支出", dec!(75.4), dec!(75.5)),
        (
            "021 郑州市工业和信息化局 · 基本支出",
            dec!(10512.4),
            dec!(10512.3),
        ),
        (
            "021 郑州市工业和信息化局 · 商品和服务支出",
            dec!(1663.4),
            dec!(1663.2),
        ),
        (
            "021 郑州市工业和信息化局 · 资本性支出",
            dec!(75.4),
            dec!(75.5),
        ),
        ("合计 · 基本支出", dec!(10512.4), dec!(10512.3)),
        ("合计 · 资本性支出", dec!(75.4), dec!(75.5)),
        (
            "21505 工业和信息产业监管 · 商品和服务支出",
            dec!(874.7),
            dec!(874.6),
        ),
        ("22404 矿山安全 · 商品和服务支出", dec!(515.1), dec!(515.0)),
    ];
    assert_eq!(triples(&r), owned(&expected));
    // The first six are in the 03 表, the rest in the 05 表.
    assert!(
        r[..6]
            .iter()
            .all(|x| x.place.starts_with("2024年 部门支出总体情况表"))
    );
    assert!(
        r[6..]
            .iter()
            .all(|x| x.place.starts_with("2024年 一般公共预算支出情况表"))
    );
    // Table 1, row 13 (款 21505), column 商品和服务支出.
    assert_eq!(r[8].location.to_string(), "2024 Functional(1) [13].goods");
    let line = &ws.budgets[0].functional[1].lines[13];
    assert_eq!(line.code, "21505");
    assert!(matches!(
        r[8].location,
        Location::Budget {
            year: 2024,
            table: TableRef::Functional(1),
            row: Some(RowRef { id, .. }),
            ..
        } if id == line.row_id()
    ));
}

#[test]
fn row_identity_gaps_are_rounding() {
    let f = run_all(&seed_003());
    assert!(of(&f, "功能分类行内关系", FindingKind::Error).is_empty());
    let r = of(&f, "功能分类行内关系", FindingKind::Rounding);
    // 03 合计/021: 10,512.4 + 85,750.2 = 96,262.6 vs 96,262.5. 05 合计: 10,512.4 + 85,746.0 =
    // 96,258.4 vs 96,258.3. 05 215: 3,314.2 + 25.9 + 1,148.3 + 49.5 = 4,537.9 vs 4,537.8;
    // 21505: 2,653.4 + 21.6 + 874.7 + 34.7 = 3,584.4 vs 3,584.3; 224 and 22404: 1,375.0 + 5.4 +
    // 515.1 + 26.0 = 1,921.5 vs 1,921.4.
    let expected = [
        ("合计 · 合计", dec!(96262.5), dec!(96262.6)),
        (
            "021 郑州市工业和信息化局 · 合计",
            dec!(96262.5),
            dec!(96262.6),
        ),
        ("合计 · 合计", dec!(96258.3), dec!(96258.4)),
        (
            "215 资源勘探工业信息等支出 · 基本支出",
            dec!(4537.8),
            dec!(4537.9),
        ),
        (
            "21505 工业和信息产业监管 · 基本支出",
            dec!(3584.3),
            dec!(3584.4),
        ),
        (
            "224 灾害防治及应急管理支出 · 基本支出",
            dec!(1921.4),
            dec!(1921.5),
        ),
        ("22404 矿山安全 · 基本支出", dec!(1921.4), dec!(1921.5)),
    ];
    assert_eq!(triples(&r), owned(&expected));
}

#[test]
fn unit_and_department_totals_are_rounding() {
    let f = run_all(&seed_003());
    // 02 表: six units 77,915.2 + 933.3 + 14,502.4 + 1,343.8 + 730.8 + 837.1 = 96,262.6 vs
    // 96,262.5; 一般公共预算 77,911.0 + 933.3 + … = 96,258.4 vs 96,258.3.
    let r = of(&f, "收支总表平衡", FindingKind::Rounding);
    assert_eq!(r.len(), 2, "{r:#?}");
    assert_eq!(r[0].right.as_ref().unwrap().amount, dec!(96262.6));
    assert_eq!(r[1].right.as_ref().unwrap().amount, dec!(96258.4));
    // 年初: 10,512.4 + 85,750.2 = 96,262.6 vs 96,262.5; the rest agrees with the 01 and 03 表.
    let d = of(&f, "部门预算总额", FindingKind::Rounding);
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].difference, Some(dec!(-0.1)));
    assert!(
        f.iter()
            .all(|x| x.check != "部门预算总额" || x.kind == FindingKind::Rounding)
    );
    assert!(f.iter().all(|x| x.check != "“三公”经费构成"));
}

#[test]
fn economic_classification_quirk_is_the_one_real_mismatch() {
    let f = run_all(&seed_003());
    // 06 表 人员经费 Σ 8,773.7 vs 8,773.6, 公用经费 Σ 1,738.7 vs 1,738.8: rounding.
    let r = of(&f, "经济分类汇总", FindingKind::Rounding);
    assert_eq!(r.len(), 2);
    assert_eq!(r[0].right.as_ref().unwrap().amount, dec!(8773.7));
    assert_eq!(r[1].right.as_ref().unwrap().amount, dec!(1738.7));
    // 30239 其他交通费用 is counted under 人员经费 twice (116.3 and 60.0).
    let w = of(&f, "经济分类归属", FindingKind::Warning);
    assert_eq!(w.len(), 2);
    assert!(w.iter().all(|x| x.message.contains("30239 其他交通费用")));
    // Σ301 = 6,255.0 vs 工资福利 6,431.2 (176.2); Σ302 = 1,839.6 vs 商品和服务 1,663.4.
    let e = of(&f, "经济分类与功能分类", FindingKind::Error);
    assert_eq!(e.len(), 2, "{e:#?}");
    assert_eq!(e[0].left.as_ref().unwrap().amount, dec!(6431.2));
    assert_eq!(e[0].right.as_ref().unwrap().amount, dec!(6255.0));
    assert_eq!(e[0].difference, Some(dec!(176.2)));
    assert!(
        e[0].hint
            .contains("30239 其他交通费用 共 176.3（2 行）计入人员经费")
    );
    assert_eq!(e[1].left.as_ref().unwrap().amount, dec!(1663.4));
    assert_eq!(e[1].right.as_ref().unwrap().amount, dec!(1839.6));
    assert_eq!(e[1].difference, Some(dec!(-176.2)));
}

#[test]
fn the_withheld_project_is_deduced() {
    let f = run_all(&seed_003());
    let i = of(&f, "项目支出合计", FindingKind::Info);
    assert_eq!(i.len(), 1);
    // 85,750.2 − 79,118.2 disclosed = 6,632.0.
    assert_eq!(i[0].left.as_ref().unwrap().amount, dec!(85750.2));
    assert_eq!(i[0].right.as_ref().unwrap().amount, dec!(79118.2));
    assert_eq!(i[0].difference, Some(dec!(6632.0)));
    assert!(i[0].message.contains("涉密项目按规定不予公开"));
    assert!(f.iter().all(|x| x.check != "项目资金来源"));
}

#[test]
fn overall_tally() {
    let f = run_all(&seed_003());
    // Rounding: 10 hierarchy + 7 row + 2 unit + 1 total + 2 economic = 22; errors: the two
    // class sums; warnings: the two 30239 lines; info: the deduced project.
    assert_eq!(
        Tally::of(&f),
        Tally {
            errors: 2,
            rounding: 22,
            warnings: 2,
            info: 1
        },
        "{f:#?}"
    );
}

// The tables below are copied from seeds/003 as published (tab-separated, blanks kept).

const TABLE_02: &str = "\
\t合计\t96,262.5\t96,262.5\t96,258.3\t96,258.3\t\t\t\t\t\t\t\t4.2\t\t\t\t\t\t\n\
021\t郑州市工业和信息化局\t96,262.5\t96,262.5\t96,258.3\t96,258.3\t\t\t\t\t\t\t\t4.2\t\t\t\t\t\t\n\
021001\t郑州市工业和信息化局机关\t77,915.2\t77,915.2\t77,911.0\t77,911.0\t\t\t\t\t\t\t\t4.2\t\t\t\t\t\t\n\
021002\t郑州市工业和信息化发展中心\t933.3\t933.3\t933.3\t933.3\t\t\t\t\t\t\t\t\t\t\t\t\t\t\n\
021014\t郑州市中小企业服务中心\t14,502.4\t14,502.4\t14,502.4\t14,502.4\t\t\t\t\t\t\t\t\t\t\t\t\t\t\n\
021015\t郑州市煤炭管理事务中心\t1,343.8\t1,343.8\t1,343.8\t1,343.8\t\t\t\t\t\t\t\t\t\t\t\t\t\t\n\
021016\t郑州市工业和信息化执法支队\t730.8\t730.8\t730.8\t730.8\t\t\t\t\t\t\t\t\t\t\t\t\t\t\n\
021017\t郑州市煤矿防灾救灾中心\t837.1\t837.1\t837.1\t837.1\t\t\t\t\t\t\t\t\t\t\t\t\t\t";

const TABLE_03: &str = "\
\t\t\t\t合计\t96,262.5\t10,512.4\t6,431.2\t2,342.4\t1,663.4\t75.4\t85,750.2\t1,759.2\t83,991.0\n\
\t\t\t021\t郑州市工业和信息化局\t96,262.5\t10,512.4\t6,431.2\t2,342.4\t1,663.4\t75.4\t85,750.2\t1,759.2\t83,991.0\n\
208\t05\t01\t\t行政单位离退休\t2,260.7\t2,260.7\t\t2,260.7\t\t\t\t\t\n\
208\t05\t02\t\t事业单位离退休\t50.4\t50.4\t\t50.4\t\t\t\t\t\n\
208\t05\t05\t\t机关事业单位基本养老保险缴费支出\t658.8\t658.8\t658.8\t\t\t\t\t\t\n\
208\t99\t99\t\t其他社会保障和就业支出\t4.1\t4.1\t4.1\t\t\t\t\t\t\n\
210\t11\t01\t\t行政单位医疗\t260.0\t260.0\t260.0\t\t\t\t\t\t\n\
215\t05\t01\t\t行政运行\t3,023.6\t3,019.4\t2,251.9\t21.6\t725.9\t20.0\t4.2\t4.2\t\n\
215\t05\t17\t\t产业发展\t72,026.0\t\t\t\t\t\t72,026.0\t1,185.0\t70,841.0\n\
221\t02\t01\t\t住房公积金\t729.1\t729.1\t729.1\t\t\t\t\t\t\n\
210\t11\t02\t\t事业单位医疗\t90.0\t90.0\t90.0\t\t\t\t\t\t\n\
215\t05\t50\t\t事业运行\t744.9\t564.9\t401.5\t\t148.7\t14.7\t180.0\t180.0\t\n\
215\t08\t01\t\t行政运行\t953.5\t953.5\t660.8\t4.3\t273.6\t14.8\t\t\t\n\
215\t08\t05\t\t中小企业发展专项\t13,195.0\t\t\t\t\t\t13,195.0\t45.0\t13,150.0\n\
224\t04\t05\t\t矿山应急救援事务\t1,060.7\t750.7\t481.6\t3.2\t252.9\t13.0\t310.0\t310.0\t\n\
224\t04\t04\t\t矿山安全监察事务\t593.3\t558.3\t417.7\t\t135.6\t5.0\t35.0\t35.0\t\n\
224\t04\t50\t\t事业运行\t612.4\t612.4\t475.7\t2.2\t126.5\t8.0\t\t\t";

const TABLE_05: &str = "\
\t合计\t96,258.3\t10,512.4\t6,431.2\t2,342.4\t1,663.4\t75.4\t85,746.0\t1,755.0\t83,991.0\n\
208\t社会保障和就业支出\t2,974.0\t2,974.0\t662.9\t2,311.1\t0.0\t0.0\t0.0\t0.0\t0.0\n\
20805\t行政事业单位养老支出\t2,969.9\t2,969.9\t658.8\t2,311.1\t0.0\t0.0\t0.0\t0.0\t0.0\n\
2080501\t行政单位离退休\t2,260.7\t2,260.7\t0.0\t2,260.7\t0.0\t0.0\t0.0\t0.0\t0.0\n\
2080502\t事业单位离退休\t50.4\t50.4\t0.0\t50.4\t0.0\t0.0\t0.0\t0.0\t0.0\n\
2080505\t机关事业单位基本养老保险缴费支出\t658.8\t658.8\t658.8\t0.0\t0.0\t0.0\t0.0\t0.0\t0.0\n\
20899\t其他社会保障和就业支出\t4.1\t4.1\t4.1\t0.0\t0.0\t0.0\t0.0\t0.0\t0.0\n\
2089999\t其他社会保障和就业支出\t4.1\t4.1\t4.1\t0.0\t0.0\t0.0\t0.0\t0.0\t0.0\n\
210\t卫生健康支出\t350.0\t350.0\t350.0\t0.0\t0.0\t0.0\t0.0\t0.0\t0.0\n\
21011\t行政事业单位医疗\t350.0\t350.0\t350.0\t0.0\t0.0\t0.0\t0.0\t0.0\t0.0\n\
2101101\t行政单位医疗\t260.0\t260.0\t260.0\t0.0\t0.0\t0.0\t0.0\t0.0\t0.0\n\
2101102\t事业单位医疗\t90.0\t90.0\t90.0\t0.0\t0.0\t0.0\t0.0\t0.0\t0.0\n\
215\t资源勘探工业信息等支出\t89,938.8\t4,537.8\t3,314.2\t25.9\t1,148.3\t49.5\t85,401.0\t1,410.0\t83,991.0\n\
21505\t工业和信息产业监管\t75,790.3\t3,584.3\t2,653.4\t21.6\t874.7\t34.7\t72,206.0\t1,365.0\t70,841.0\n\
2150501\t行政运行\t3,019.4\t3,019.4\t2,251.9\t21.6\t725.9\t20.0\t\t\t0.0\n\
2150517\t产业发展\t72,026.0\t0.0\t0.0\t0.0\t0.0\t0.0\t72,026.0\t1,185.0\t70,841.0\n\
2150550\t事业运行\t744.9\t564.9\t401.5\t0.0\t148.7\t14.7\t180.0\t180.0\t0.0\n\
21508\t支持中小企业发展和管理支出\t14,148.5\t953.5\t660.8\t4.3\t273.6\t14.8\t13,195.0\t45.0\t13,150.0\n\
2150801\t行政运行\t953.5\t953.5\t660.8\t4.3\t273.6\t14.8\t0.0\t0.0\t0.0\n\
2150805\t中小企业发展专项\t13,195.0\t0.0\t0.0\t0.0\t0.0\t0.0\t13,195.0\t45.0\t13,150.0\n\
221\t住房保障支出\t729.1\t729.1\t729.1\t0.0\t0.0\t0.0\t0.0\t0.0\t0.0\n\
22102\t住房改革支出\t729.1\t729.1\t729.1\t0.0\t0.0\t0.0\t0.0\t0.0\t0.0\n\
2210201\t住房公积金\t729.1\t729.1\t729.1\t0.0\t0.0\t0.0\t0.0\t0.0\t0.0\n\
224\t灾害防治及应急管理支出\t2,266.4\t1,921.4\t1,375.0\t5.4\t515.1\t26.0\t345.0\t345.0\t0.0\n\
22404\t矿山安全\t2,266.4\t1,921.4\t1,375.0\t5.4\t515.1\t26.0\t345.0\t345.0\t0.0\n\
2240404\t矿山安全监察事务\t593.3\t558.3\t417.7\t0.0\t135.6\t5.0\t35.0\t35.0\t0.0\n\
2240405\t矿山应急救援事务\t1,060.7\t750.7\t481.6\t3.2\t252.9\t13.0\t310.0\t310.0\t0.0\n\
2240450\t事业运行\t612.4\t612.4\t475.7\t2.2\t126.5\t8.0\t0.0\t0.0\t0.0";

const TABLE_06: &str = "\
合计\t\t\t\t10,512.4\t8,773.6\t1,738.8\n\
30302\t退休费\t50905\t离退休费\t2,096.1\t2,096.1\t\n\
30301\t离休费\t50905\t离退休费\t215.0\t215.0\t\n\
30108\t机关事业单位基本养老保险缴费\t50102\t社会保障缴费\t489.4\t489.4\t\n\
30112\t其他社会保障缴费\t50102\t社会保障缴费\t39.8\t39.8\t\n\
30110\t职工基本医疗保险缴费\t50102\t社会保障缴费\t244.7\t244.7\t\n\
30101\t基本工资\t50101\t工资奖金津补贴\t3,108.2\t3,108.2\t\n\
30102\t津贴补贴\t50101\t工资奖金津补贴\t26.5\t26.5\t\n\
30103\t奖金\t50101\t工资奖金津补贴\t70.1\t70.1\t\n\
30305\t生活补助\t50901\t社会福利和救助\t31.3\t31.3\t\n\
30239\t其他交通费用\t50201\t办公经费\t116.3\t116.3\t\n\
30201\t办公费\t50201\t办公经费\t155.1\t\t155.1\n\
31002\t办公设备购置\t50306\t设备购置\t34.8\t\t34.8\n\
30299\t其他商品和服务支出\t50299\t其他商品和服务支出\t43.1\t\t43.1\n\
30231\t公务用车运行维护费\t50208\t公务用车运行维护费\t20.0\t\t20.0\n\
30226\t劳务费\t50205\t委托业务费\t103.0\t\t103.0\n\
30228\t工会经费\t50201\t办公经费\t33.8\t\t33.8\n\
30229\t福利费\t50201\t办公经费\t20.4\t\t20.4\n\
30202\t印刷费\t50201\t办公经费\t81.0\t\t81.0\n\
30203\t咨询费\t50205\t委托业务费\t22.0\t\t22.0\n\
30205\t水费\t50201\t办公经费\t8.0\t\t8.0\n\
30206\t电费\t50201\t办公经费\t4.5\t\t4.5\n\
30207\t邮电费\t50201\t办公经费\t8.6\t\t8.6\n\
30209\t物业管理费\t50201\t办公经费\t8.0\t\t8.0\n\
30211\t差旅费\t50201\t办公经费\t183.0\t\t183.0\n\
30213\t维修(护)费\t50209\t维修(护)费\t55.0\t\t55.0\n\
30215\t会议费\t50202\t会议费\t41.0\t\t41.0\n\
30216\t培训费\t50203\t培训费\t187.6\t\t187.6\n\
30217\t公务接待费\t50206\t公务接待费\t2.5\t\t2.5\n\
30113\t住房公积金\t50103\t住房公积金\t419.2\t419.2\t\n\
30108\t机关事业单位基本养老保险缴费\t50501\t工资福利支出\t169.4\t169.4\t\n\
30112\t其他社会保障缴费\t50501\t工资福利支出\t13.8\t13.8\t\n\
30110\t职工基本医疗保险缴费\t50501\t工资福利支出\t84.7\t84.7\t\n\
30101\t基本工资\t50501\t工资福利支出\t1,227.8\t1,227.8\t\n\
30102\t津贴补贴\t50501\t工资福利支出\t37.8\t37.8\t\n\
30103\t奖金\t50501\t工资福利支出\t13.7\t13.7\t\n\
30228\t工会经费\t50502\t商品和服务支出\t28.0\t\t28.0\n\
30229\t福利费\t50502\t商品和服务支出\t23.7\t\t23.7\n\
30231\t公务用车运行维护费\t50502\t商品和服务支出\t49.0\t\t49.0\n\
30299\t其他商品和服务支出\t50502\t商品和服务支出\t5.3\t\t5.3\n\
31002\t办公设备购置\t50601\t资本性支出\t40.6\t\t40.6\n\
30217\t公务接待费\t50502\t商品和服务支出\t3.0\t\t3.0\n\
30215\t会议费\t50502\t商品和服务支出\t4.6\t\t4.6\n\
30202\t印刷费\t50502\t商品和服务支出\t12.0\t\t12.0\n\
30201\t办公费\t50502\t商品和服务支出\t213.5\t\t213.5\n\
30213\t维修(护)费\t50502\t商品和服务支出\t38.5\t\t38.5\n\
30211\t差旅费\t50502\t商品和服务支出\t108.0\t\t108.0\n\
30207\t邮电费\t50502\t商品和服务支出\t15.1\t\t15.1\n\
30216\t培训费\t50502\t商品和服务支出\t75.0\t\t75.0\n\
30205\t水费\t50502\t商品和服务支出\t2.0\t\t2.0\n\
30206\t电费\t50502\t商品和服务支出\t7.0\t\t7.0\n\
30113\t住房公积金\t50501\t工资福利支出\t309.9\t309.9\t\n\
30239\t其他交通费用\t50502\t商品和服务支出\t60.0\t60.0\t\n\
30227\t委托业务费\t50205\t委托业务费\t23.0\t\t23.0\n\
30227\t委托业务费\t50502\t商品和服务支出\t79.0\t\t79.0";

const TABLE_11: &str = "\
其他运转类\t退休干部财政代管资金专项经费\t郑州市工业和信息化局机关\t4.2\t\t\t\t\t\t\t4.2\t\n\
其他运转类\t第三方审计费用\t郑州市工业和信息化局机关\t265.0\t265.0\t\t\t\t\t\t\t\n\
其他运转类\t郑州市制造业高质量发展政策研究及决策咨询服务费\t郑州市工业和信息化局机关\t240.0\t240.0\t\t\t\t\t\t\t\n\
其他运转类\t“郑州企业家日”系列活动专项工作经费\t郑州市工业和信息化局机关\t260.0\t260.0\t\t\t\t\t\t\t\n\
其他运转类\t企业服务活动专项经费\t郑州市工业和信息化局机关\t420.0\t420.0\t\t\t\t\t\t\t\n\
\t涉密项目按规定不予公开\t郑州市工业和信息化局机关\tXXXX\tXXXX\t\t\t\t\t\t\t\n\
特定目标类\t数字化转型试点城市创建配套资金\t郑州市工业和信息化局机关\t3,000.0\t3,000.0\t\t\t\t\t\t\t\n\
特定目标类\t制造业高质量发展专项三年行动计划专项资金\t郑州市工业和信息化局机关\t40,000.0\t40,000.0\t\t\t\t\t\t\t\n\
特定目标类\t郑州市支持燃料电池汽车示范应用专项\t郑州市工业和信息化局机关\t12,767.0\t12,767.0\t\t\t\t\t\t\t\n\
特定目标类\t政府食盐储备补贴资金\t郑州市工业和信息化局机关\t280.0\t280.0\t\t\t\t\t\t\t\n\
特定目标类\t郑州市小微企业园高质量发展专项资金\t郑州市工业和信息化局机关\t1,400.0\t1,400.0\t\t\t\t\t\t\t\n\
特定目标类\t工业企业稳增长财政奖励资金\t郑州市工业和信息化局机关\t3,662.0\t3,662.0\t\t\t\t\t\t\t\n\
特定目标类\t“郑州市优秀企业家”奖励项目\t郑州市工业和信息化局机关\t3,100.0\t3,100.0\t\t\t\t\t\t\t\n\
其他运转类\t节能降耗与工控安全专项经费\t郑州市工业和信息化发展中心\t180.0\t180.0\t\t\t\t\t\t\t\n\
其他运转类\t中小企业创业创新资金\t郑州市中小企业服务中心\t45.0\t45.0\t\t\t\t\t\t\t\n\
特定目标类\t国家级、省级专精特新企业一次性奖励\t郑州市中小企业服务中心\t12,000.0\t12,000.0\t\t\t\t\t\t\t\n\
特定目标类\t国家（省级）中小企业公共服务示范平台和小型微型企业创业创新示范基地奖补资金\t郑州市中小企业服务中心\t1,150.0\t1,150.0\t\t\t\t\t\t\t\n\
其他运转类\t煤矿远程安全监控运行维护管理专项资金\t郑州市煤炭管理事务中心\t60.0\t60.0\t\t\t\t\t\t\t\n\
其他运转类\t煤炭行业管理和煤矿安全监管专项工作经费\t郑州市煤炭管理事务中心\t250.0\t250.0\t\t\t\t\t\t\t\n\
其他运转类\t煤矿瓦斯水害防治专项工作经费项目\t郑州市煤矿防灾救灾中心\t35.0\t35.0\t\t\t\t\t\t\t";
