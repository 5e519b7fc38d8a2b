//! Load errors: which file, where in it, what was found, what was expected.

use std::fmt;
use std::ops::Range;

use grdp_core::ModelError;

/// A failure to read a scenario or history file.
///
/// Displays as `FILE:LINE:COLUMN: message` (location parts omitted where
/// unknown), the form editors and terminals make clickable.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub struct LoadError {
    /// The file (or `built-in scenario`).
    pub origin: String,
    /// 1-based line, where known.
    pub line: Option<usize>,
    /// 1-based column, where known.
    pub column: Option<usize>,
    /// What is wrong (boxed: the model's errors are large, and errors are rare).
    pub kind: Box<LoadErrorKind>,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.origin)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.column {
                write!(f, ":{col}")?;
            }
        }
        write!(f, ": {}", self.kind)
    }
}

/// What went wrong while loading.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum LoadErrorKind {
    /// The file could not be read.
    #[error("cannot read the file: {0}")]
    Io(String),
    /// The bytes are not UTF-8 (the error's line and column say where).
    #[error(
        "the file is not UTF-8 text: byte 0x{byte:02X} here is not UTF-8 (the file was saved in another encoding, such as Windows-1258 or Latin-1); save it again as UTF-8 (Excel: \"CSV UTF-8\"; a text editor: encoding UTF-8)"
    )]
    NotUtf8 {
        /// Byte offset of the first invalid byte.
        offset: usize,
        /// That byte.
        byte: u8,
    },
    /// The file is not text but another kind of document, known by its
    /// first bytes.
    #[error("the file is {kind}, not text; expected {expected}{hint}")]
    NotText {
        /// What the file is, in words ("an Excel workbook (.xlsx)").
        kind: &'static str,
        /// How to make text of it, where there is a way.
        hint: &'static str,
        /// What was expected.
        expected: &'static str,
    },
    /// The file starts with a UTF-16 byte-order mark.
    #[error(
        "the file is UTF-16 text (as Notepad's \"Unicode\" and Excel's \"Unicode Text\" save it); save it again as UTF-8 (a text editor: encoding UTF-8; Excel: \"CSV UTF-8\")"
    )]
    Utf16,
    /// The file starts with a UTF-32 byte-order mark.
    #[error(
        "the file is UTF-32 text (four bytes a letter); save it again as UTF-8 (a text editor: encoding UTF-8; Excel: \"CSV UTF-8\")"
    )]
    Utf32,
    /// The file holds a NUL byte (the error's line and column say where):
    /// UTF-16 text without a byte-order mark, most likely.
    #[error(
        "the file holds a NUL byte here, as UTF-16 (or UTF-32) text does (Notepad's \"Unicode\", Excel's \"Unicode Text\"); save it again as UTF-8 (a text editor: encoding UTF-8; Excel: \"CSV UTF-8\")"
    )]
    NulByte,
    /// The file is larger than any file of its kind could be.
    #[error(
        "the file is larger than {} MB; {what} is far smaller: is this the right file?",
        limit / 1_000_000
    )]
    TooLarge {
        /// The most bytes read, for this kind of file.
        limit: u64,
        /// What the file should be.
        what: &'static str,
    },
    /// The file is empty.
    #[error("the file is empty; expected {expected}")]
    Empty {
        /// What the file should hold.
        expected: &'static str,
    },
    /// The text is not well-formed TOML or CSV, or a field has the wrong type.
    #[error("{0}")]
    Syntax(String),
    /// A field is present and well-formed but its value is unacceptable.
    #[error("{field}: {message}")]
    Invalid {
        /// Dotted path of the field.
        field: String,
        /// What was found and what was expected.
        message: String,
    },
    /// The model refused the values.
    #[error(transparent)]
    Model(#[from] ModelError),
    /// The uncertainty specification was refused.
    #[error(transparent)]
    Uncertainty(#[from] grdp_core::uncertainty::UncertaintyError),
}

/// Turns byte offsets into 1-based line and column numbers.
#[derive(Debug, Clone)]
pub(crate) struct Locator<'a> {
    origin: &'a str,
    text: &'a str,
}

impl<'a> Locator<'a> {
    /// The file's name, as errors give it.
    pub(crate) fn origin(&self) -> &str {
        self.origin
    }

    pub(crate) fn new(origin: &'a str, text: &'a str) -> Self {
        Self { origin, text }
    }

    /// Line and column (1-based, in characters) of a byte offset.
    pub(crate) fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let before = self.text.get(..offset).unwrap_or(self.text);
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before
            .get(line_start..)
            .map_or(1, |s| s.chars().count() + 1);
        (line, column)
    }

    /// An error at a span (or without location).
    pub(crate) fn error(&self, span: Option<Range<usize>>, kind: LoadErrorKind) -> LoadError {
        let (line, column) = match span {
            Some(s) => {
                let (l, c) = self.line_col(s.start);
                (Some(l), Some(c))
            }
            None => (None, None),
        };
        LoadError {
            origin: self.origin.to_string(),
            line,
            column,
            kind: Box::new(kind),
        }
    }

    /// An `Invalid` error at a span.
    pub(crate) fn invalid(
        &self,
        span: Option<Range<usize>>,
        field: impl Into<String>,
        message: impl Into<String>,
    ) -> LoadError {
        self.error(
            span,
            LoadErrorKind::Invalid {
                field: field.into(),
                message: message.into(),
            },
        )
    }
}

/// Reads a file of at most `limit` bytes, naming it in the error: a device
/// such as /dev/zero, or a file far larger than any scenario or history, is
/// refused after `limit` bytes rather than read without end.
pub(crate) fn read_file(
    path: &std::path::Path,
    limit: u64,
    what: &'static str,
) -> Result<Vec<u8>, LoadError> {
    use std::io::Read;
    let err = |kind| LoadError {
        origin: path.display().to_string(),
        line: None,
        column: None,
        kind: Box::new(kind),
    };
    let file = std::fs::File::open(path).map_err(|e| err(LoadErrorKind::Io(e.to_string())))?;
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| err(LoadErrorKind::Io(e.to_string())))?;
    if bytes.len() as u64 > limit {
        return Err(err(LoadErrorKind::TooLarge { limit, what }));
    }
    Ok(bytes)
}

/// Decodes file bytes: rejects non-UTF-8 and empty files, strips a UTF-8
/// byte-order mark (spreadsheet programs write one).
pub(crate) fn decode<'b>(
    origin: &str,
    bytes: &'b [u8],
    expected: &'static str,
) -> Result<&'b str, LoadError> {
    let at = |kind| LoadError {
        origin: origin.to_string(),
        line: None,
        column: None,
        kind: Box::new(kind),
    };
    // Documents that are not text, by their first bytes: a workbook or an
    // image given where a scenario or a history was meant.
    const FROM_EXCEL: &str = " (from Excel: File, Save As, \"CSV UTF-8\", for a table)";
    for (magic, kind, hint) in [
        (
            &b"PK\x03\x04"[..],
            "a ZIP archive, such as an Excel workbook (.xlsx)",
            FROM_EXCEL,
        ),
        (
            &b"\xD0\xCF\x11\xE0"[..],
            "an old Excel or Word document (.xls, .doc)",
            FROM_EXCEL,
        ),
        (&b"\x89PNG"[..], "a PNG image", ""),
        (&b"%PDF"[..], "a PDF document", ""),
    ] {
        if bytes.starts_with(magic) {
            return Err(at(LoadErrorKind::NotText {
                kind,
                hint,
                expected,
            }));
        }
    }
    // UTF-32's little-endian mark begins with UTF-16's: tested first.
    if bytes.starts_with(b"\xFF\xFE\0\0") || bytes.starts_with(b"\0\0\xFE\xFF") {
        return Err(at(LoadErrorKind::Utf32));
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(at(LoadErrorKind::Utf16));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // Where the text before `offset` is valid, its end as line and column.
    let placed = |offset: usize, kind: LoadErrorKind| {
        let place = std::str::from_utf8(&bytes[..offset])
            .ok()
            .map(|before| Locator::new(origin, before).line_col(offset));
        LoadError {
            line: place.map(|p| p.0),
            column: place.map(|p| p.1),
            ..at(kind)
        }
    };
    // NUL bytes first: UTF-16 text with Vietnamese letters is also not
    // UTF-8, and "not UTF-8" would name the wrong encoding.
    if let Some(nul) = bytes.iter().position(|&b| b == 0) {
        return Err(placed(nul, LoadErrorKind::NulByte));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        placed(
            offset,
            LoadErrorKind::NotUtf8 {
                offset,
                byte: bytes[offset],
            },
        )
    })?;
    if text.trim().is_empty() {
        return Err(at(LoadErrorKind::Empty { expected }));
    }
    Ok(text)
}

/// A TOML reader's type error in plain words: "invalid type: floating
/// point `2025.5`, expected i64" becomes "found the decimal number 2025.5;
/// expected a whole number". Other messages pass unchanged.
pub(crate) fn in_plain_words(message: &str) -> String {
    let Some(rest) = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "))
    else {
        return message.to_string();
    };
    let Some((found, expected)) = rest.rsplit_once(", expected ") else {
        return message.to_string();
    };
    let quoted = |s: &str| {
        s.split_once('`')
            .and_then(|(_, r)| r.rsplit_once('`'))
            .map(|(v, _)| v.to_string())
    };
    let found = if let Some(v) = found.strip_prefix("floating point ").and_then(quoted) {
        format!("the decimal number {v}")
    } else if let Some(v) = found.strip_prefix("integer ") {
        match quoted(v) {
            Some(n) if v.contains(" as i128") => format!("{n}, a whole number too large"),
            Some(n) => format!("the whole number {n}"),
            None => found.to_string(),
        }
    } else if let Some(v) = found.strip_prefix("string ") {
        format!("the text {v}")
    } else if let Some(v) = found.strip_prefix("boolean ").and_then(quoted) {
        format!("{v} (true or false)")
    } else if found == "map" {
        "a table or a date".to_string()
    } else if found == "sequence" {
        "a list".to_string()
    } else {
        found.to_string()
    };
    let expected = match expected {
        "i64" | "i32" | "u32" | "u64" | "usize" | "u8" | "u16" => "a whole number".to_string(),
        "f64" | "f32" => "a number".to_string(),
        "a sequence" | "sequence" => "a list [ ... ]".to_string(),
        "a map" | "map" | "struct" => "a table".to_string(),
        "a string" | "string" => "text in quotes".to_string(),
        "a boolean" | "bool" => "true or false".to_string(),
        other => other.to_string(),
    };
    format!("found {found}; expected {expected}")
}

/// What a TOML error most likely means, in an economist's words: the typing
/// slips a spreadsheet habit makes (a decimal comma, a percent sign, a year
/// with decimals, a number in quotes) and the key a duplicate-key error
/// leaves unnamed. Empty when nothing fits.
pub(crate) fn explain_toml(text: &str, span: Option<Range<usize>>, message: &str) -> String {
    let line = span
        .and_then(|s| {
            let start = text.get(..s.start)?.rfind('\n').map_or(0, |i| i + 1);
            let end = text
                .get(start..)?
                .find('\n')
                .map_or(text.len(), |i| start + i);
            text.get(start..end)
        })
        .unwrap_or("");
    // The value as written, without a comment after it (`# ...`, outside
    // a quoted string).
    let value = line.split_once('=').map_or("", |(_, v)| v.trim());
    let value = if value.starts_with('"') {
        value
    } else {
        value.split_once('#').map_or(value, |(v, _)| v.trim_end())
    };
    let key = line.split_once('=').map_or("", |(k, _)| k.trim());
    // A number with a decimal comma, unquoted: `9,96`.
    let bare: String = value
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '-' || *c == '.')
        .collect();
    if let Some((int, frac)) = bare.split_once(',')
        && !int.is_empty()
        && !frac.is_empty()
        && frac.chars().all(|c| c.is_ascii_digit())
    {
        return format!(
            "; `{bare}` has a decimal comma: write {int}.{frac} (TOML numbers take a decimal point)"
        );
    }
    // A percent sign after a number: `53.12%`.
    if let Some(number) = value.split('%').next()
        && value.contains('%')
        && number.trim().parse::<f64>().is_ok()
    {
        return format!(
            "; write the number without the percent sign ({}): the unit is in the field's name (_pct is percent)",
            number.trim()
        );
    }
    // A whole number written with decimals: `2025.0`, `format = 1.0`.
    if message.contains("expected i64")
        && value.contains(['.', 'e', 'E'])
        && let Ok(v) = value.parse::<f64>()
        && v.fract() == 0.0
    {
        return if key.contains("year") {
            format!("; a year is a whole number: write {v:.0}")
        } else {
            format!("; write {v:.0}")
        };
    }
    // A date for a year: `2025-12-31` (TOML reads it as a date).
    if message.contains("invalid type: map")
        && let Some((year, _)) = value.split_once('-')
        && year.len() == 4
        && year.chars().all(|c| c.is_ascii_digit())
    {
        return format!("; `{value}` is a date: write the year alone ({year})");
    }
    if message.contains("duplicate key") && !key.is_empty() {
        return format!("; `{key}` is given twice in this table: expected each key once");
    }
    // A number in quotes: `"2,06"` or `"9.5"`.
    if let Some(quoted) = message
        .split_once("string \"")
        .and_then(|(_, rest)| rest.split_once('"'))
        .map(|(q, _)| q)
        && message.contains("expected f64")
    {
        let point = quoted.replace(',', ".");
        if point.parse::<f64>().is_ok() {
            return if quoted.contains(',') {
                format!(
                    "; \"{quoted}\" is a number with a decimal comma in quotes: write {point}, without quotes"
                )
            } else {
                format!("; \"{quoted}\" is a number in quotes: write {point}, without quotes")
            };
        }
    }
    String::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters_not_bytes() {
        let text = "a = 1\nname = \"Cần Thơ\" x\n";
        let loc = Locator::new("f.toml", text);
        let offset = text.find('x').unwrap();
        assert_eq!(loc.line_col(offset), (2, 18));
        assert_eq!(loc.line_col(0), (1, 1));
    }

    #[test]
    fn display_is_file_line_column() {
        let e = Locator::new("s.toml", "x\ny").invalid(Some(2..3), "base.year", "bad");
        assert_eq!(e.to_string(), "s.toml:2:1: base.year: bad");
    }

    #[test]
    fn decode_strips_bom_and_rejects_bad_bytes() {
        assert_eq!(decode("f", b"\xEF\xBB\xBFa=1", "x").unwrap(), "a=1");
        let err = decode("f", b"a=\xFF", "x").unwrap_err();
        assert_eq!(
            *err.kind,
            LoadErrorKind::NotUtf8 {
                offset: 2,
                byte: 0xFF
            }
        );
        // Latin-1 "Cần Thơ" is not what was typed, but the place is: line 2,
        // column 4 (after "r,C"), the byte 0xE1.
        let err = decode("h.csv", b"a,b\nr,C\xE1n Th\xF4\n", "x").unwrap_err();
        assert_eq!((err.line, err.column), (Some(2), Some(4)));
        let shown = err.to_string();
        assert!(
            shown.starts_with("h.csv:2:4: the file is not UTF-8 text: byte 0xE1"),
            "{shown}"
        );
        // After a multi-byte character the column counts characters.
        let err = decode("f", "đ=\"\u{FFFD}".as_bytes(), "x");
        assert!(err.is_ok(), "U+FFFD itself is valid UTF-8");
        let bytes: Vec<u8> = "đ=\"".bytes().chain([0xFF]).collect();
        let err = decode("f", &bytes, "x").unwrap_err();
        assert_eq!((err.line, err.column), (Some(1), Some(4)));
        let err = decode("f", b"\xFF\xFEf\x00", "x").unwrap_err();
        assert_eq!(*err.kind, LoadErrorKind::Utf16);
        // UTF-16 without a byte-order mark: "a=1" as UTF-16LE. Its first
        // NUL is the second byte: line 1, column 2.
        let err = decode("f", b"a\x00=\x001\x00", "x").unwrap_err();
        assert_eq!(*err.kind, LoadErrorKind::NulByte);
        assert_eq!((err.line, err.column), (Some(1), Some(2)));
        assert!(matches!(
            *decode("f", b"  \n", "x").unwrap_err().kind,
            LoadErrorKind::Empty { .. }
        ));
    }

    #[test]
    fn error_is_send_sync() {
        fn bounds<T: Send + Sync + 'static>() {}
        bounds::<LoadError>();
    }
}
