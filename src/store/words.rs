//! Chinese words for ron's parse errors and serde's type errors, so a user reads what is wrong
//! with their file rather than the names of Rust types.

use ron::error::Error;

use super::error::LoadErrorKind;

/// Significant digits a decimal can hold (`rust_decimal`'s 96-bit mantissa).
const MAX_DIGITS: usize = 28;

/// The kind and the Chinese reason for one ron error.
pub(crate) fn describe(err: &Error, recursion_limit: usize) -> (LoadErrorKind, String) {
    use LoadErrorKind::{Syntax, TooDeep, Value};
    let (kind, text) = match err {
        Error::Eof => (
            Syntax,
            "文件意外结束：内容可能被截断（例如保存时被中断），缺少结尾的括号或引号".to_owned(),
        ),
        Error::ExpectedArray => (Syntax, "这里应为以 [ 开始的列表".to_owned()),
        Error::ExpectedArrayEnd => (Syntax, "列表没有正确结束：缺少 ] 或逗号".to_owned()),
        Error::ExpectedAttribute | Error::ExpectedAttributeEnd => {
            (Syntax, "#![enable(...)] 属性写法不对".to_owned())
        }
        Error::ExpectedBoolean => (Value, "应为 true 或 false".to_owned()),
        Error::ExpectedComma => (Syntax, "缺少逗号".to_owned()),
        Error::ExpectedChar => (Value, "应为单引号括起的一个字符".to_owned()),
        Error::ExpectedByteLiteral | Error::ExpectedByteString => (Value, "应为字节串".to_owned()),
        Error::ExpectedFloat => (Value, "应为数值".to_owned()),
        Error::FloatUnderscore | Error::UnderscoreAtBeginning => {
            (Syntax, "数值中的下划线位置不对".to_owned())
        }
        Error::ExpectedInteger => (Value, "应为整数".to_owned()),
        Error::ExpectedOption => (Value, "应为 Some(…) 或 None".to_owned()),
        Error::ExpectedOptionEnd => (Syntax, "Some(…) 缺少右括号 )".to_owned()),
        Error::ExpectedMap => (Value, "这里应为以 { 开始的映射".to_owned()),
        Error::ExpectedMapColon => (Syntax, "缺少冒号 :".to_owned()),
        Error::ExpectedMapEnd => (Syntax, "映射没有正确结束：缺少 } 或逗号".to_owned()),
        Error::ExpectedDifferentStructName { found, .. } => (
            Value,
            format!("这里应为圆括号括起的一组字段 ( … )，而不是 {found}(…)"),
        ),
        Error::ExpectedStructLike | Error::ExpectedNamedStructLike(_) => (
            Value,
            "这里应为圆括号括起的一组字段，如 (name: \"…\", …)".to_owned(),
        ),
        Error::ExpectedStructLikeEnd => (Syntax, "缺少右括号 )，或者字段之间缺少逗号".to_owned()),
        Error::ExpectedUnit => (Value, "应为 ()".to_owned()),
        Error::ExpectedString => (Value, "应为双引号括起的文字".to_owned()),
        Error::ExpectedStringEnd => (Syntax, "文字缺少结尾的双引号".to_owned()),
        Error::ExpectedIdentifier => (Syntax, "这里应为字段名或选项名".to_owned()),
        Error::InvalidEscape(what) => (Syntax, format!("文字中的转义写法无效（{what}）")),
        Error::IntegerOutOfBounds => (Value, "整数超出范围".to_owned()),
        Error::InvalidIntegerDigit { digit, .. } => (
            Value,
            format!("数字中有无效的字符 '{}'", digit.escape_debug()),
        ),
        Error::NoSuchExtension(name) => (Syntax, format!("未知的 RON 扩展 {name}")),
        Error::UnclosedBlockComment => (Syntax, "注释 /* 没有用 */ 结束".to_owned()),
        Error::UnclosedLineComment => (Syntax, "文件以没有换行的 // 注释结束".to_owned()),
        Error::UnexpectedChar(c) => (Syntax, format!("这里不应出现字符 '{}'", c.escape_debug())),
        Error::Utf8Error(_) => (Syntax, "文件不是有效的 UTF-8 文本".to_owned()),
        Error::TrailingCharacters => (
            Syntax,
            "工作区内容在这里已经结束，后面还有多余的字符".to_owned(),
        ),
        Error::InvalidValueForType { expected, found } => (Value, wrong_value(expected, found)),
        Error::ExpectedDifferentLength { expected, found } => (
            Value,
            format!("元素个数不对：应为 {expected}，实际有 {found} 个"),
        ),
        // `outer` names Rust types the file never shows; the field path says where instead.
        Error::NoSuchEnumVariant {
            expected, found, ..
        } => (
            Value,
            format!("没有名为 {found} 的选项；可选的有：{}", expected.join("、")),
        ),
        Error::NoSuchStructField {
            expected, found, ..
        } => (
            Value,
            format!(
                "没有名为 {found} 的字段；可用的字段有：{}",
                expected.join("、")
            ),
        ),
        Error::MissingStructField { field, .. } => (Value, format!("缺少字段 {field}")),
        Error::DuplicateStructField { field, .. } => {
            (Value, format!("字段 {field} 出现了不止一次"))
        }
        Error::InvalidIdentifier(name) | Error::SuggestRawIdentifier(name) => {
            (Syntax, format!("名称 {name} 无效"))
        }
        Error::ExceededRecursionLimit => (
            TooDeep,
            format!("括号嵌套超过 {recursion_limit} 层，工作区文件不会这样深：文件可能已损坏"),
        ),
        Error::Message(text) => (Value, custom_message(text)),
        other => (Syntax, other.to_string()),
    };
    (kind, text)
}

/// A value of the wrong type or out of range, worded from serde's `expected` and `found`.
fn wrong_value(expected: &str, found: &str) -> String {
    let found_text = found_words(found);
    if expected.contains("Decimal") {
        if let Some(s) = quoted(found)
            && too_many_digits(s)
        {
            return format!("数值 \"{s}\" 超出可表示的范围（最多 {MAX_DIGITS} 位有效数字）");
        }
        if let Some(n) = found.strip_prefix("the floating point number ") {
            return format!(
                "数值 {} 超出可表示的范围或不是有效的数值（最多 {MAX_DIGITS} 位有效数字）",
                n.trim_matches('`')
            );
        }
        return format!("应为数值（如 \"12.5\"），而这里是{found_text}");
    }
    format!("应为{}，而这里是{found_text}", expected_words(expected))
}

/// Chinese for serde's `expected` descriptions of the types the model uses.
fn expected_words(expected: &str) -> String {
    let e = expected.trim();
    let said = match e {
        "u8" | "u16" | "u32" | "u64" | "usize" => "非负整数",
        "i8" | "i16" | "i32" | "i64" | "isize" => "整数",
        "a boolean" => "true 或 false",
        "a string" => "双引号括起的文字",
        "a sequence" => "方括号括起的列表 [ … ]",
        "a formatted date string" => "日期文字（如 \"2021-07-31\"）",
        "option" => "Some(…) 或 None",
        _ if e.starts_with("an amount") => {
            "金额文字（如 \"1234.5\"，空白写 \"\"，涉密写 \"XXXX\"）"
        }
        _ if e.starts_with("struct ") => "圆括号括起的一组字段 ( … )",
        _ if e.starts_with("enum ") => "列出的选项之一",
        _ => "",
    };
    if said.is_empty() {
        e.to_owned()
    } else {
        said.to_owned()
    }
}

/// Chinese for ron's description of the value it found.
fn found_words(found: &str) -> String {
    if let Some(s) = quoted(found) {
        return format!("文字 \"{s}\"");
    }
    for (prefix, said) in [
        ("the unsigned integer ", "整数 "),
        ("the signed integer ", "整数 "),
        ("the floating point number ", "数值 "),
        ("the boolean ", "布尔值 "),
        ("the UTF-8 character ", "字符 "),
    ] {
        if let Some(rest) = found.strip_prefix(prefix) {
            return format!("{said}{}", rest.trim_matches('`'));
        }
    }
    let said = match found {
        "a unit value" => "一个不带内容的名称或 ()",
        "an optional value" => "Some(…)/None",
        "a sequence" => "列表 [ … ]",
        "a map" => "圆括号或花括号括起的一组字段",
        "an enum" | "a unit variant" | "a newtype variant" | "a tuple variant"
        | "a struct variant" => "一个选项",
        _ => "",
    };
    if said.is_empty() {
        found.to_owned()
    } else {
        said.to_owned()
    }
}

/// The string inside ron's `the string "…"`.
fn quoted(found: &str) -> Option<&str> {
    found
        .strip_prefix("the string \"")
        .and_then(|s| s.strip_suffix('"'))
}

/// True for a plain number with more significant digits than a decimal can hold.
fn too_many_digits(s: &str) -> bool {
    let digits = s.trim().trim_start_matches(['-', '+']);
    digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits
            .trim_start_matches(['0', '.'])
            .chars()
            .filter(char::is_ascii_digit)
            .count()
            > MAX_DIGITS
}

/// Messages raised by the model's own types (already Chinese) or by chrono (English).
fn custom_message(text: &str) -> String {
    const CHRONO: [&str; 7] = [
        "input is out of range",
        "no possible date and time matching input",
        "input is not enough for unique date and time",
        "input contains invalid characters",
        "premature end of input",
        "trailing input",
        "bad or unsupported format string",
    ];
    if CHRONO.contains(&text) {
        return "日期无效：应写成 \"2021-07-31\" 这样的 年-月-日，且是真实存在的日期".to_owned();
    }
    text.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_overflow_is_said_as_out_of_range() {
        let (_, text) = describe(
            &Error::InvalidValueForType {
                expected: "a Decimal type representing a fixed-point number".to_owned(),
                found: "the string \"1000000000000000000000000000000\"".to_owned(),
            },
            64,
        );
        assert!(text.contains("超出可表示的范围"), "{text}");
    }

    #[test]
    fn a_short_number_is_not_out_of_range() {
        assert!(!too_many_digits("0.0000000000000000000000000001"));
        assert!(too_many_digits("12345678901234567890123456789"));
        assert!(!too_many_digits("abc"));
    }
}
