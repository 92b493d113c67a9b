//! A catalogue of bad workspace files: each is refused with a Chinese message that says where
//! (line, column, field) and why, and none of them, nor any random bytes, panics the loader.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use jixiao::store::{self, LoadError, LoadErrorKind};
use proptest::prelude::*;

const VALID: &str = include_str!("fixtures/store/small.ron");

fn err(text: &str) -> LoadError {
    let e = store::load_str(text).expect_err("this file must be refused");
    println!("{e}");
    e
}

/// The fixture with one exact piece of text replaced; fails if the piece is not there once.
fn edited(from: &str, to: &str) -> String {
    assert_eq!(VALID.matches(from).count(), 1, "{from:?} must occur once");
    VALID.replace(from, to)
}

/// 1-based line of the first occurrence of `needle` in `text`.
fn line_of(text: &str, needle: &str) -> usize {
    let at = text.find(needle).unwrap();
    text[..at].matches('\n').count() + 1
}

#[test]
fn the_fixture_itself_loads() {
    let ws = store::load_str(VALID).unwrap();
    assert_eq!(ws.projects[0].id, "2021-lvgongye");
    assert_eq!(ws.evaluations[0].indicators.len(), 3);
}

#[test]
fn a_truncated_file_says_it_ended_early() {
    let cut = VALID.find("      disbursements").unwrap();
    let e = err(&VALID[..cut]);
    assert_eq!(e.kind, LoadErrorKind::Syntax, "{e}");
    assert!(e.message.contains("意外结束"), "{e}");
    assert_eq!(e.line, Some(VALID[..cut].lines().count()), "{e}");
    assert!(e.to_string().starts_with("第 "), "{e}");
}

#[test]
fn a_missing_comma_is_placed_at_its_line() {
    let text = edited("name: \"培训人次\",", "name: \"培训人次\"");
    let e = err(&text);
    assert_eq!(e.kind, LoadErrorKind::Syntax, "{e}");
    // The parser notices on the next line, where the next field starts without a comma.
    assert_eq!(
        e.line,
        Some(line_of(&text, "name: \"培训人次\"") + 1),
        "{e}"
    );
    assert!(e.message.contains("逗号"), "{e}");
    assert_eq!(
        e.field.as_deref(),
        Some("evaluations[0].indicators[2]"),
        "{e}"
    );
}

#[test]
fn a_string_where_a_number_belongs_names_the_field() {
    let text = edited("fiscal_year: 2021,", "fiscal_year: \"二〇二一\",");
    let e = err(&text);
    assert_eq!(e.kind, LoadErrorKind::Value, "{e}");
    assert_eq!(e.field.as_deref(), Some("meta.fiscal_year"), "{e}");
    assert_eq!(e.line, Some(line_of(&text, "fiscal_year")), "{e}");
    assert!(e.message.contains("整数"), "{e}");
    assert!(e.to_string().contains("字段 meta.fiscal_year"), "{e}");
}

#[test]
fn an_unknown_option_lists_the_known_ones() {
    let text = edited("kind: Targeted,", "kind: Targetted,");
    let e = err(&text);
    assert_eq!(e.kind, LoadErrorKind::Value, "{e}");
    assert_eq!(e.field.as_deref(), Some("projects[0].kind"), "{e}");
    assert_eq!(e.line, Some(line_of(&text, "Targetted")), "{e}");
    assert!(e.message.contains("Targetted"), "{e}");
    assert!(
        !e.message.contains("ProjectKind"),
        "no Rust type names: {e}"
    );
    assert!(e.message.contains("Operating"), "{e}");
    assert!(e.message.contains("Targeted"), "{e}");
}

#[test]
fn a_bad_value_inside_an_indicator_rule_names_the_whole_path() {
    let text = edited("tolerance: \"1.5\"", "tolerance: \"一点五\"");
    let e = err(&text);
    assert_eq!(e.kind, LoadErrorKind::Value, "{e}");
    let field = e.field.clone().unwrap();
    assert!(
        field.starts_with("evaluations[0].indicators[1].rule") && field.ends_with("tolerance"),
        "{e}"
    );
    assert!(e.message.contains("一点五"), "{e}");
}

#[test]
fn an_amount_of_ten_to_the_thirty_is_out_of_range() {
    let big = "1000000000000000000000000000000";
    let text = edited("executed: \"134.5343\",", &format!("executed: \"{big}\","));
    let e = err(&text);
    assert_eq!(e.kind, LoadErrorKind::Value, "{e}");
    assert_eq!(e.field.as_deref(), Some("projects[0].executed"), "{e}");
    assert!(e.message.contains("超出可表示的范围"), "{e}");
    assert_eq!(e.line, Some(line_of(&text, big)), "{e}");
}

#[test]
fn an_amount_typed_without_quotes_is_refused_at_its_place() {
    // Amounts are stored as text so nothing is rounded through a float; a bare number typed by
    // hand is refused with the field and the place, not read approximately.
    let text = edited("executed: \"134.5343\",", "executed: 134.5343,");
    let e = err(&text);
    assert_eq!(e.kind, LoadErrorKind::Value, "{e}");
    assert_eq!(e.field.as_deref(), Some("projects[0].executed"), "{e}");
    assert!(e.message.contains("双引号"), "{e}");
    assert_eq!(e.line, Some(line_of(&text, "executed: 134.5343")), "{e}");
}

#[test]
fn a_weight_of_ten_to_the_thirty_is_out_of_range() {
    let text = edited(
        "weight: \"20\"",
        "weight: \"1000000000000000000000000000000\"",
    );
    let e = err(&text);
    assert_eq!(
        e.field.as_deref(),
        Some("evaluations[0].indicators[0].weight"),
        "{e}"
    );
    assert!(e.message.contains("超出可表示的范围"), "{e}");
}

#[test]
fn an_impossible_date_is_said_as_a_date() {
    let text = edited("\"2021-07-31\"", "\"2021-02-30\"");
    let e = err(&text);
    assert_eq!(
        e.field.as_deref(),
        Some("projects[0].disbursements[0].date"),
        "{e}"
    );
    assert!(e.message.contains("日期"), "{e}");
}

#[test]
fn a_file_from_a_newer_version_asks_for_an_upgrade() {
    let e = err(&edited("format_version: 1,", "format_version: 3,"));
    assert_eq!(e.kind, LoadErrorKind::TooNew);
    assert_eq!(
        e.message,
        "此文件由更新版本的绩效评价工作台保存（格式版本 3），本程序只支持到版本 1，请升级后再打开"
    );
    assert_eq!(e.line, Some(3));
}

#[test]
fn a_newer_version_is_found_even_when_it_is_not_the_first_field() {
    let text = edited("format_version: 1,\n", "")
        .replace("  projects: [", "  format_version: 2,\n  projects: [");
    let e = err(&text);
    assert_eq!(e.kind, LoadErrorKind::TooNew, "{e}");
}

#[test]
fn version_zero_and_a_missing_version_are_refused() {
    let e = err(&edited("format_version: 1,", "format_version: 0,"));
    assert_eq!(e.kind, LoadErrorKind::Version);
    assert!(e.message.contains("格式版本 0 无效"), "{e}");

    let e = err(&edited("format_version: 1,\n", ""));
    assert_eq!(e.kind, LoadErrorKind::Version);
    assert!(e.message.contains("没有 format_version"), "{e}");

    let e = err(&edited("format_version: 1,", "format_version: \"1\","));
    assert_eq!(e.field.as_deref(), Some("format_version"), "{e}");
}

#[test]
fn nesting_a_hundred_thousand_deep_is_refused_on_a_normal_thread() {
    let depth = 100_000;
    let cases = [
        "[".repeat(depth),
        "(".repeat(depth),
        format!("(format_version: 1, junk: {})", "[".repeat(depth)),
        format!("(format_version: 1, meta: {}", "(".repeat(depth)),
        format!("(format_version: 1, notes: {}", "Some(".repeat(depth)),
        format!("(junk: {}", "{\"a\": ".repeat(depth)),
        format!("{}(format_version: 1)", "/*".repeat(depth)),
    ];
    // A spawned thread has the default 2 MiB stack, less than the main thread's.
    let results = std::thread::spawn(move || {
        cases
            .iter()
            .map(|c| store::load_str(c).map(|_| ()))
            .collect::<Vec<_>>()
    })
    .join()
    .expect("the loader must not overflow the stack");
    for (i, r) in results.iter().enumerate() {
        let e = r.as_ref().expect_err("deep nesting must be refused");
        // Where the file nests inside a known field the parser stops at the first bracket;
        // in an unknown field it reads on, until the depth bound.
        if i == 2 || i == 5 {
            assert_eq!(e.kind, LoadErrorKind::TooDeep, "case {i}: {e}");
            assert!(e.message.contains("嵌套"), "case {i}: {e}");
        }
    }
}

#[test]
fn invalid_utf8_is_placed_at_its_line() {
    let at = VALID.find("绿色工业").unwrap();
    let mut bytes = VALID.as_bytes().to_vec();
    // "你好" in GBK, as a file saved by an old Windows editor would have it.
    bytes.splice(at..at, [0xC4, 0xE3, 0xBA, 0xC3]);
    let e = store::load_bytes(&bytes).unwrap_err();
    assert_eq!(e.kind, LoadErrorKind::Encoding);
    assert_eq!(e.line, Some(line_of(VALID, "绿色工业")));
    assert!(e.message.contains("UTF-8"), "{e}");
    assert!(e.message.contains(&format!("第 {} 个字节", at + 1)), "{e}");
}

#[test]
fn utf16_and_byte_order_marks() {
    let e = store::load_bytes(&[0xFF, 0xFE, b'(', 0]).unwrap_err();
    assert_eq!(e.kind, LoadErrorKind::Encoding);
    assert!(e.message.contains("UTF-16"), "{e}");
    // A UTF-8 byte-order mark, as Notepad writes it, is fine.
    let with_bom = format!("\u{feff}{VALID}");
    assert!(store::load_bytes(with_bom.as_bytes()).is_ok());
}

#[test]
fn an_empty_file_is_said_to_be_empty() {
    for text in ["", "  \n\t\n", "\u{feff}"] {
        let e = err(text);
        assert_eq!(e.kind, LoadErrorKind::Empty, "{text:?}");
        assert!(e.message.contains("空"), "{e}");
        assert!(e.message.contains(".bak"), "{e}");
    }
}

#[test]
fn binary_garbage_is_refused() {
    let garbage: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13).to_le_bytes()[0])
        .collect();
    assert!(store::load_bytes(&garbage).is_err());
    let nul = err("\0\0\0\0");
    assert!(nul.line.is_some(), "{nul}");
    let e = err("PK\u{3}\u{4}\u{14}\0\u{6}\0");
    assert_eq!(e.line, Some(1), "{e}");
    assert!(!e.message.contains("Probe"), "no internal names: {e}");
}

#[test]
fn text_after_the_workspace_is_refused() {
    let text = format!("{VALID}\n(format_version: 1)\n");
    let e = err(&text);
    assert_eq!(e.kind, LoadErrorKind::Syntax);
    assert!(e.message.contains("多余"), "{e}");
    // Placed where the workspace ended, which is what the message says.
    assert_eq!(e.line, Some(VALID.lines().count()), "{e}");
}

#[test]
fn a_missing_field_of_a_rule_is_named() {
    let e = err(&edited(
        "rule: Deviation(tolerance: \"1.5\")",
        "rule: Deviation()",
    ));
    assert!(e.message.contains("tolerance"), "{e}");
    assert!(e.field.as_deref().unwrap_or("").contains("rule"), "{e}");
}

#[test]
fn file_errors_put_the_path_last() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("不存在.ron");
    let e = store::load_path(&missing).unwrap_err();
    assert_eq!(e.kind, LoadErrorKind::Io);
    assert!(e.message.contains("不存在"), "{e}");
    assert!(
        e.to_string().ends_with(&missing.display().to_string()),
        "{e}"
    );

    let e = store::load_path(dir.path()).unwrap_err();
    assert!(e.message.contains("文件夹"), "{e}");

    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, edited("kind: Targeted,", "kind: 3,")).unwrap();
    let e = store::load_path(&bad).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("projects[0].kind"), "{e}");
    let shown = e.to_string();
    assert!(shown.starts_with("第 "), "{shown}");
    assert!(shown.ends_with(&bad.display().to_string()), "{shown}");
}

#[test]
fn a_huge_file_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let huge = dir.path().join("huge.ron");
    // A sparse file: takes no disk space, and reading it would take seconds.
    let f = std::fs::File::create(&huge).unwrap();
    f.set_len(store::MAX_FILE_BYTES + 1).unwrap();
    let e = store::load_path(&huge).unwrap_err();
    assert_eq!(e.kind, LoadErrorKind::TooLarge);
    assert!(e.message.contains("太大"), "{e}");
}

/// Edits a fuzzer can make to a valid file.
#[derive(Clone, Debug)]
enum Mutation {
    Delete { at: usize, len: usize },
    Insert { at: usize, bytes: Vec<u8> },
    Replace { at: usize, byte: u8 },
    Duplicate { at: usize, len: usize },
    Truncate { at: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let at = 0..VALID.len();
    prop_oneof![
        (at.clone(), 1..40usize).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (
            at.clone(),
            prop::collection::vec(
                prop_oneof![
                    any::<u8>(),
                    prop::sample::select(b"()[]{},:\"'/*\\-.0123456789eSomeNone".to_vec())
                ],
                1..12
            )
        )
            .prop_map(|(at, bytes)| Mutation::Insert { at, bytes }),
        (at.clone(), any::<u8>()).prop_map(|(at, byte)| Mutation::Replace { at, byte }),
        (at.clone(), 1..200usize).prop_map(|(at, len)| Mutation::Duplicate { at, len }),
        at.prop_map(|at| Mutation::Truncate { at }),
    ]
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    let n = bytes.len();
    match *m {
        Mutation::Delete { at, len } => {
            let at = at.min(n);
            bytes.drain(at..(at + len).min(n));
        }
        Mutation::Insert { at, bytes: ref ins } => {
            let at = at.min(n);
            bytes.splice(at..at, ins.iter().copied());
        }
        Mutation::Replace { at, byte } => {
            if at < n {
                bytes[at] = byte;
            }
        }
        Mutation::Duplicate { at, len } => {
            let at = at.min(n);
            let piece = bytes[at..(at + len).min(n)].to_vec();
            bytes.splice(at..at, piece);
        }
        Mutation::Truncate { at } => bytes.truncate(at),
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 128,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let _ = store::load_bytes(&bytes);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,512}") {
        let _ = store::load_str(&text);
        let _ = store::load_str(&format!("(format_version: 1, {text}"));
    }

    #[test]
    fn mutated_files_never_panic_and_errors_are_placed(
        mutations in prop::collection::vec(mutation(), 1..6)
    ) {
        let mut bytes = VALID.as_bytes().to_vec();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        if let Err(e) = store::load_bytes(&bytes) {
            // Every refusal of a damaged file says something, in Chinese or with a place.
            prop_assert!(!e.message.is_empty());
            let shown = e.to_string();
            prop_assert!(shown.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{}", shown);
        }
    }
}
