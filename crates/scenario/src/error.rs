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
    /// What is wrong in Vietnamese, where the reader has it for this error
    /// (a typing slip in TOML: a decimal comma, a percent sign, a number in
    /// quotes, a misspelt key); the file's encoding and kind are translated
    /// from `kind` itself ([`LoadError::display_in`]).
    pub message_vi: Option<String>,
}

impl LoadError {
    /// The error as [`fmt::Display`] writes it, in Vietnamese where
    /// `vietnamese` and the error has a Vietnamese text; else in English.
    pub fn display_in(&self, vietnamese: bool) -> String {
        let vi = vietnamese
            .then(|| self.message_vi.clone().or_else(|| self.kind.message_vi()))
            .flatten();
        match vi {
            Some(message) => format!("{}{}: {message}", self.origin, self.place()),
            None => self.to_string(),
        }
    }

    /// `:LINE:COLUMN`, as far as known.
    fn place(&self) -> String {
        match (self.line, self.column) {
            (Some(l), Some(c)) => format!(":{l}:{c}"),
            (Some(l), None) => format!(":{l}"),
            _ => String::new(),
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}: {}", self.origin, self.place(), self.kind)
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

impl LoadErrorKind {
    /// The message in Vietnamese, for the errors of a file's encoding, kind
    /// and size, whose words are this crate's own, and the model's and the
    /// uncertainty's refusals (said again from their fields); `None` for the others
    /// (and for a phrase this table lacks), which stay in English (an
    /// `Invalid` error carries its Vietnamese in `LoadError::message_vi`).
    pub fn message_vi(&self) -> Option<String> {
        const RESAVE: &str = "hãy lưu lại tệp dưới dạng UTF-8 (trình soạn thảo văn bản: chọn bảng mã UTF-8; Excel: chọn \"CSV UTF-8\")";
        Some(match self {
            Self::NotUtf8 { byte, .. } => format!(
                "tệp không phải văn bản UTF-8: byte 0x{byte:02X} ở đây không thuộc bảng mã UTF-8 (tệp đã được lưu bằng bảng mã khác, như Windows-1258 hay Latin-1); {RESAVE}"
            ),
            Self::NotText {
                kind,
                hint,
                expected,
            } => format!(
                "tệp là {}, không phải văn bản; cần {}{}",
                phrase_vi(kind)?,
                phrase_vi(expected)?,
                phrase_vi(hint)?
            ),
            Self::Utf16 => format!(
                "tệp là văn bản UTF-16 (Notepad lưu với tùy chọn \"Unicode\", Excel với \"Unicode Text\"); {RESAVE}"
            ),
            Self::Utf32 => format!("tệp là văn bản UTF-32 (bốn byte một ký tự); {RESAVE}"),
            Self::NulByte => format!(
                "tệp có byte NUL ở đây, như văn bản UTF-16 (hoặc UTF-32) (tùy chọn \"Unicode\" của Notepad, \"Unicode Text\" của Excel); {RESAVE}"
            ),
            Self::TooLarge { limit, what } => format!(
                "tệp lớn hơn {} MB, trong khi {} nhỏ hơn nhiều: có đúng tệp không?",
                limit / 1_000_000,
                phrase_vi(what)?
            ),
            Self::Empty { expected } => format!("tệp trống; cần {}", phrase_vi(expected)?),
            Self::Model(e) => return crate::vietnamese::model_error(e),
            Self::Uncertainty(e) => return crate::vietnamese::uncertainty_error(e),
            Self::Io(_) | Self::Syntax(_) | Self::Invalid { .. } => return None,
        })
    }
}

/// The Vietnamese of the fixed phrases this crate's errors are made of
/// (what a file should hold, what a file is); `None` for any other.
fn phrase_vi(en: &str) -> Option<&'static str> {
    Some(match en {
        "" => "",
        SCENARIO_WHAT => "một kịch bản",
        SCENARIO_EXPECTED => "một kịch bản grdp dạng TOML (xem docs/scenario-format.md)",
        HISTORY_WHAT => "một tệp lịch sử tốc độ tăng theo năm",
        HISTORY_EXPECTED => {
            "một tệp lịch sử CSV có dòng tiêu đề region,period,component,indicator,value"
        }
        HISTORY_ROWS_EXPECTED => "ít nhất một dòng số liệu dưới dòng tiêu đề",
        ZIP_KIND => "một tệp nén ZIP, như tệp Excel (.xlsx)",
        OLD_OFFICE_KIND => "một tài liệu Excel hoặc Word kiểu cũ (.xls, .doc)",
        "a PNG image" => "một ảnh PNG",
        "a PDF document" => "một tài liệu PDF",
        FROM_EXCEL => {
            " (trong Excel: File, Save As, chọn \"CSV UTF-8\", lưu từng trang tính thành một tệp CSV)"
        }
        _ => return None,
    })
}

/// What a scenario file is, for its errors.
pub(crate) const SCENARIO_WHAT: &str = "a scenario";
/// What a history file is, for its errors.
pub(crate) const HISTORY_WHAT: &str = "a history of growth by year";
/// What a scenario file should hold, for its errors.
pub(crate) const SCENARIO_EXPECTED: &str = "a grdp scenario in TOML (see docs/scenario-format.md)";
/// What a history file should hold, for its errors.
pub(crate) const HISTORY_EXPECTED: &str =
    "a CSV history with a header row region,period,component,indicator,value";
/// What a history file should hold below its header.
pub(crate) const HISTORY_ROWS_EXPECTED: &str = "at least one row below the header";
const ZIP_KIND: &str = "a ZIP archive, such as an Excel workbook (.xlsx)";
const OLD_OFFICE_KIND: &str = "an old Excel or Word document (.xls, .doc)";
/// How to make text of a workbook.
const FROM_EXCEL: &str = " (from Excel: File, Save As, \"CSV UTF-8\", for a table)";

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
            message_vi: None,
        }
    }

    /// An `Invalid` error at a span, with its message in Vietnamese too
    /// (`message_vi`, what is wrong and what to write, numbers and words as
    /// docs/../style say; the field's dotted path is added before it, as
    /// in English).
    pub(crate) fn invalid_vi(
        &self,
        span: Option<Range<usize>>,
        field: impl Into<String>,
        message: impl Into<String>,
        message_vi: impl Into<String>,
    ) -> LoadError {
        let field = field.into();
        let vi = format!("{field}: {}", message_vi.into());
        let mut e = self.invalid(span, field, message);
        e.message_vi = Some(vi);
        e
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
        message_vi: None,
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
        message_vi: None,
    };
    // Documents that are not text, by their first bytes: a workbook or an
    // image given where a scenario or a history was meant.
    for (magic, kind, hint) in [
        (&b"PK\x03\x04"[..], ZIP_KIND, FROM_EXCEL),
        (&b"\xD0\xCF\x11\xE0"[..], OLD_OFFICE_KIND, FROM_EXCEL),
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
    type_error(message).map_or_else(|| message.to_string(), |t| t.english())
}

/// [`in_plain_words`] in Vietnamese; `None` where the message is not a
/// type error this crate knows how to say.
pub(crate) fn in_plain_words_vi(message: &str) -> Option<String> {
    type_error(message)?.vietnamese()
}

/// What a TOML reader's type error found.
enum Found {
    Decimal(String),
    Whole(String),
    WholeTooLarge(String),
    /// Text, with its quotes.
    Text(String),
    Boolean(String),
    TableOrDate,
    List,
    Other(String),
}

/// What a TOML reader's type error expected.
enum Expected {
    Whole,
    Number,
    List,
    Table,
    Text,
    Boolean,
    /// A number, or a number with its status and source.
    Sourced,
    Other(String),
}

/// What a number of the scenario that may carry its source is expected
/// to be (`crate::sourced`'s words).
pub(crate) const SOURCED_EXPECTING: &str =
    "a number, or a table { value = NUMBER, status = \"...\", source = \"...\" }";

/// A TOML reader's type error: what it found and what it expected.
struct TypeError(Found, Expected);

fn type_error(message: &str) -> Option<TypeError> {
    let rest = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "))?;
    let (found, expected) = rest.rsplit_once(", expected ")?;
    let quoted = |s: &str| {
        s.split_once('`')
            .and_then(|(_, r)| r.rsplit_once('`'))
            .map(|(v, _)| v.to_string())
    };
    let found = if let Some(v) = found.strip_prefix("floating point ").and_then(quoted) {
        Found::Decimal(v)
    } else if let Some(v) = found.strip_prefix("integer ") {
        match quoted(v) {
            Some(n) if v.contains(" as i128") => Found::WholeTooLarge(n),
            Some(n) => Found::Whole(n),
            None => Found::Other(found.to_string()),
        }
    } else if let Some(v) = found.strip_prefix("string ") {
        Found::Text(v.to_string())
    } else if let Some(v) = found.strip_prefix("boolean ").and_then(quoted) {
        Found::Boolean(v)
    } else if found == "map" {
        Found::TableOrDate
    } else if found == "sequence" {
        Found::List
    } else {
        Found::Other(found.to_string())
    };
    let expected = match expected {
        "i64" | "i32" | "u32" | "u64" | "usize" | "u8" | "u16" => Expected::Whole,
        "f64" | "f32" => Expected::Number,
        "a sequence" | "sequence" => Expected::List,
        "a map" | "map" | "struct" => Expected::Table,
        "a string" | "string" => Expected::Text,
        "a boolean" | "bool" => Expected::Boolean,
        SOURCED_EXPECTING => Expected::Sourced,
        other => Expected::Other(other.to_string()),
    };
    Some(TypeError(found, expected))
}

impl TypeError {
    fn english(&self) -> String {
        let found = match &self.0 {
            Found::Decimal(v) => format!("the decimal number {v}"),
            Found::Whole(v) => format!("the whole number {v}"),
            Found::WholeTooLarge(v) => format!("{v}, a whole number too large"),
            Found::Text(v) => format!("the text {v}"),
            Found::Boolean(v) => format!("{v} (true or false)"),
            Found::TableOrDate => "a table or a date".to_string(),
            Found::List => "a list".to_string(),
            Found::Other(v) => v.clone(),
        };
        let expected = match &self.1 {
            Expected::Whole => "a whole number",
            Expected::Number => "a number",
            Expected::List => "a list [ ... ]",
            Expected::Table => "a table",
            Expected::Text => "text in quotes",
            Expected::Boolean => "true or false",
            Expected::Sourced => SOURCED_EXPECTING,
            Expected::Other(v) => v,
        };
        format!("found {found}; expected {expected}")
    }

    fn vietnamese(&self) -> Option<String> {
        let found = match &self.0 {
            Found::Decimal(v) => format!("số thập phân `{v}`"),
            Found::Whole(v) => format!("số nguyên `{v}`"),
            Found::WholeTooLarge(v) => format!("`{v}`, một số nguyên quá lớn"),
            Found::Text(v) => format!("văn bản {v}"),
            Found::Boolean(v) => format!("{v} (giá trị đúng/sai)"),
            Found::TableOrDate => "một bảng hoặc một ngày tháng".to_string(),
            Found::List => "một danh sách".to_string(),
            Found::Other(_) => return None,
        };
        let expected = match &self.1 {
            Expected::Whole => "một số nguyên",
            Expected::Number => "một số",
            Expected::List => "một danh sách [ ... ]",
            Expected::Table => "một bảng",
            Expected::Text => "văn bản trong dấu ngoặc kép",
            Expected::Boolean => "true hoặc false",
            Expected::Sourced => {
                "một số, hoặc một bảng { value = SỐ, status = \"...\", source = \"...\" }"
            }
            Expected::Other(_) => return None,
        };
        Some(format!("gặp {found}; cần {expected}"))
    }
}

/// A TOML reader's message in Vietnamese, for the shapes a scenario's
/// typing slips give (a type error, a number in quotes, a date, a key
/// missing or misspelt, with its suggestion); `None` for the others.
pub(crate) fn toml_message_vi(message: &str) -> Option<String> {
    if let Some(vi) = in_plain_words_vi(message) {
        return Some(vi);
    }
    if let Some(rest) = message.strip_prefix("found the text ")
        && let Some((text, hint)) = rest.split_once("; expected a number")
    {
        let hint = hint.trim();
        let hint = if hint == "(write the number unquoted)" {
            " (ghi số, không để trong ngoặc kép)".to_string()
        } else if let Some(point) = hint
            .strip_prefix("(write ")
            .and_then(|h| h.strip_suffix(" with a decimal point, unquoted)"))
        {
            format!(" (ghi `{point}`, dùng dấu chấm thập phân, không để trong ngoặc kép)")
        } else if hint.is_empty() {
            String::new()
        } else {
            return None;
        };
        return Some(format!("gặp văn bản {text}; cần một số{hint}"));
    }
    // The TOML reader's own words for text that is not TOML, by their
    // fixed start; what follows is its "expected" part, said here instead.
    for (en, vi) in [
        ("unclosed table", "tên bảng chưa đóng: thiếu dấu `]`"),
        ("unclosed array table", "tên bảng chưa đóng: thiếu dấu `]]`"),
        ("unclosed array", "danh sách chưa đóng: thiếu dấu `]`"),
        (
            "unclosed inline table",
            "bảng trên một dòng chưa đóng: thiếu dấu `}`",
        ),
        (
            "invalid basic string",
            "văn bản chưa đóng: thiếu dấu ngoặc kép `\"`",
        ),
        (
            "key with no value",
            "khóa chưa có giá trị: cần `khóa = giá trị`",
        ),
        ("extra `=`", "thừa dấu `=`"),
        (
            "string values must be quoted",
            "văn bản phải đặt trong ngoặc kép (`\"...\"`); số thì ghi không có ngoặc kép",
        ),
        (
            "unexpected key or value",
            "có khóa hoặc giá trị thừa: mỗi dòng ghi một `khóa = giá trị`",
        ),
        (
            "unquoted keys cannot be empty",
            "thiếu tên khóa trước dấu `=`",
        ),
        ("invalid fraction", "số thập phân thiếu chữ số sau dấu chấm"),
        ("invalid exponent", "số mũ thiếu chữ số"),
        ("duplicate key", "khóa được ghi hai lần"),
    ] {
        if message == en || message.starts_with(&format!("{en},")) {
            return Some(vi.to_string());
        }
    }
    if message.starts_with("found a date; expected a number") {
        return Some(
            "gặp một ngày tháng; cần một số (hoặc một bảng { value = SỐ, status = \"...\", source = \"...\" })".to_string(),
        );
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let (key, _) = rest.split_once('`')?;
        return Some(format!("thiếu khóa `{key}`"));
    }
    for (prefix, what) in [
        ("unknown field `", "khóa"),
        ("unknown variant `", "giá trị"),
    ] {
        if let Some(rest) = message.strip_prefix(prefix) {
            let (found, rest) = rest.split_once('`')?;
            let (expected, meant) = match rest.split_once("; did you mean `") {
                Some((e, m)) => (e, m.split_once('`').map(|(m, _)| m)),
                None => (rest, None),
            };
            let known: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
            let known = if known.is_empty() {
                String::new()
            } else {
                format!(
                    "; cần một trong: {}",
                    known
                        .iter()
                        .map(|k| format!("`{k}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            };
            let meant = meant.map_or(String::new(), |m| format!("; có phải là `{m}`?"));
            return Some(format!(
                "{what} `{found}` không dùng được ở đây{known}{meant}"
            ));
        }
    }
    None
}

/// What a TOML error most likely means, in an economist's words: the typing
/// slips a spreadsheet habit makes (a decimal comma, a percent sign, a year
/// with decimals, a number in quotes) and the key a duplicate-key error
/// leaves unnamed. Empty when nothing fits.
pub(crate) fn explain_toml(
    text: &str,
    span: Option<Range<usize>>,
    message: &str,
) -> (String, String) {
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
        return (
            format!(
                "; `{bare}` has a decimal comma: write {int}.{frac} (TOML numbers take a decimal point)"
            ),
            format!(
                "; `{bare}` có dấu phẩy thập phân: trong tệp ghi `{int}.{frac}` (số trong tệp TOML dùng dấu chấm thập phân)"
            ),
        );
    }
    // A percent sign after a number: `53.12%`.
    if let Some(number) = value.split('%').next()
        && value.contains('%')
        && number.trim().parse::<f64>().is_ok()
    {
        return (
            format!(
                "; write the number without the percent sign ({}): the unit is in the field's name (_pct is percent)",
                number.trim()
            ),
            format!(
                "; ghi số không kèm dấu phần trăm (`{}`): đơn vị đã nằm trong tên trường (_pct là phần trăm)",
                number.trim()
            ),
        );
    }
    // A whole number written with decimals: `2025.0`, `format = 1.0`.
    if message.contains("expected i64")
        && value.contains(['.', 'e', 'E'])
        && let Ok(v) = value.parse::<f64>()
        && v.fract() == 0.0
    {
        return if key.contains("year") {
            (
                format!("; a year is a whole number: write {v:.0}"),
                format!("; gặp `{value}`: năm là số nguyên, ghi `{v:.0}`"),
            )
        } else {
            (
                format!("; write {v:.0}"),
                format!("; gặp `{value}`: cần số nguyên, ghi `{v:.0}`"),
            )
        };
    }
    // A date for a year: `2025-12-31` (TOML reads it as a date).
    if message.contains("invalid type: map")
        && let Some((year, _)) = value.split_once('-')
        && year.len() == 4
        && year.chars().all(|c| c.is_ascii_digit())
    {
        return (
            format!("; `{value}` is a date: write the year alone ({year})"),
            format!("; `{value}` là một ngày tháng: chỉ ghi năm (`{year}`)"),
        );
    }
    if message.contains("duplicate key") && !key.is_empty() {
        return (
            format!("; `{key}` is given twice in this table: expected each key once"),
            format!("; khóa `{key}` được ghi hai lần trong bảng này: mỗi khóa chỉ ghi một lần"),
        );
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
                (
                    format!(
                        "; \"{quoted}\" is a number with a decimal comma in quotes: write {point}, without quotes"
                    ),
                    format!(
                        "; \"{quoted}\" là số có dấu phẩy thập phân nằm trong ngoặc kép: ghi `{point}`, không có ngoặc kép"
                    ),
                )
            } else {
                (
                    format!("; \"{quoted}\" is a number in quotes: write {point}, without quotes"),
                    format!(
                        "; \"{quoted}\" là số nằm trong ngoặc kép: ghi `{point}`, không có ngoặc kép"
                    ),
                )
            };
        }
    }
    (String::new(), String::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every file error made of this crate's fixed phrases has its
    /// Vietnamese: a document that is not text (each kind the reader knows
    /// by its first bytes), an empty file, a file too large, a wrong
    /// encoding.
    #[test]
    fn every_file_error_speaks_vietnamese() {
        for magic in [&b"PK\x03\x04"[..], b"\xD0\xCF\x11\xE0", b"\x89PNG", b"%PDF"] {
            for expected in [SCENARIO_EXPECTED, HISTORY_EXPECTED] {
                let e = decode("f", magic, expected).unwrap_err();
                let vi = e.kind.message_vi().unwrap_or_default();
                assert!(vi.starts_with("tệp là một "), "{vi}");
                assert!(vi.contains("không phải văn bản; cần một "), "{vi}");
            }
        }
        for (expected, vi) in [
            (
                SCENARIO_EXPECTED,
                "tệp trống; cần một kịch bản grdp dạng TOML",
            ),
            (HISTORY_EXPECTED, "tệp trống; cần một tệp lịch sử CSV"),
            (
                HISTORY_ROWS_EXPECTED,
                "tệp trống; cần ít nhất một dòng số liệu",
            ),
        ] {
            let said = LoadErrorKind::Empty { expected }
                .message_vi()
                .unwrap_or_default();
            assert!(said.starts_with(vi), "{said}");
        }
        for what in [SCENARIO_WHAT, HISTORY_WHAT] {
            let kind = LoadErrorKind::TooLarge {
                limit: 64_000_000,
                what,
            };
            assert!(
                kind.message_vi()
                    .unwrap_or_default()
                    .starts_with("tệp lớn hơn 64 MB")
            );
        }
        for bytes in [
            &b"\xFF\xFEa\x00"[..],
            b"\xFF\xFE\0\0",
            b"a\x00=1",
            b"a=\xFF",
        ] {
            let e = decode("f", bytes, SCENARIO_EXPECTED).unwrap_err();
            assert!(e.kind.message_vi().is_some(), "{e}");
        }
        // A phrase the table lacks stays English, not half translated.
        let kind = LoadErrorKind::Empty {
            expected: "a budget",
        };
        assert_eq!(kind.message_vi(), None);
        // Placed as the English is: file, line, column.
        let e = decode("s.toml", b"a=\xFF", SCENARIO_EXPECTED).unwrap_err();
        assert!(
            e.display_in(true)
                .starts_with("s.toml:1:3: tệp không phải văn bản UTF-8")
        );
        assert!(
            e.display_in(false)
                .starts_with("s.toml:1:3: the file is not UTF-8")
        );
    }

    /// The TOML reader's messages whose shape is known, in Vietnamese.
    #[test]
    fn toml_typing_slips_in_vietnamese() {
        for (message, vi) in [
            (
                "invalid type: floating point `2025.5`, expected i64",
                "gặp số thập phân `2025.5`; cần một số nguyên",
            ),
            (
                "found the text \"2,5\"; expected a number (write 2.5 with a decimal point, unquoted)",
                "gặp văn bản \"2,5\"; cần một số (ghi `2.5`, dùng dấu chấm thập phân, không để trong ngoặc kép)",
            ),
            ("missing field `year`", "thiếu khóa `year`"),
            (
                "unknown field `yaer`, expected one of `year`, `base`; did you mean `year`?",
                "khóa `yaer` không dùng được ở đây; cần một trong: `year`, `base`; có phải là `year`?",
            ),
        ] {
            assert_eq!(toml_message_vi(message).as_deref(), Some(vi), "{message}");
        }
        // The reader's own words for text that is not TOML.
        for (message, vi) in [
            (
                "unclosed table, expected `]`",
                "tên bảng chưa đóng: thiếu dấu `]`",
            ),
            (
                "unclosed array table, expected `]`",
                "tên bảng chưa đóng: thiếu dấu `]]`",
            ),
            (
                "unclosed array, expected `]`",
                "danh sách chưa đóng: thiếu dấu `]`",
            ),
            ("extra `=`, expected nothing", "thừa dấu `=`"),
        ] {
            assert_eq!(toml_message_vi(message).as_deref(), Some(vi), "{message}");
        }
        assert_eq!(
            toml_message_vi(&format!(
                "invalid type: sequence, expected {SOURCED_EXPECTING}"
            ))
            .as_deref(),
            Some(
                "gặp một danh sách; cần một số, hoặc một bảng { value = SỐ, status = \"...\", source = \"...\" }"
            )
        );
        assert_eq!(toml_message_vi("unclosed tablet"), None);
        assert_eq!(
            toml_message_vi("invalid type: unit value, expected f64"),
            None
        );
    }

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
