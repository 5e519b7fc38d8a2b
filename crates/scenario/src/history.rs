//! The history file (CSV): past growth by region, period and component,
//! one value a row, each with its status, vintage and source.
//!
//! Columns: `region,period,component,indicator,value` are required;
//! `unit,status,vintage,source` are optional (`vintage` defaults to
//! `latest`). `period` is a year (`2024`), a part of one (`2024-9M`) or a plan's
//! years (`2026-2030`, for its average targets).
//! Only the `latest` vintage of a figure enters a series; other vintages
//! (first estimates, superseded drafts) are kept for the record.

use std::collections::HashMap;
use std::path::Path;

use serde::Serialize;

use crate::error::{LoadError, LoadErrorKind, decode};
use crate::scenario::suggestion;

/// The vintage that makes up a series.
pub const LATEST: &str = "latest";

/// A region's name as grdp compares it: trimmed, runs of white space
/// (a non-breaking space pasted from a web page among them) as one space,
/// in Unicode NFC, so a name saved with combining accents (`Cần Thơ` as
/// `C`, `a`, U+0302, U+0300, …, as some systems save Vietnamese) matches
/// the same name typed composed. History rows, a scenario's
/// `history_region` and `[compare]`, batch tables and the command line's
/// region options all pass through it.
pub fn region_name(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .nfc()
        .collect()
}

/// The names of `known` a typing slip in `found` most likely meant, for an
/// error's "did you mean"; empty where none is close:
/// - the same name but for accents, `đ`, case or spacing ("Ca Mau" for
///   "Cà Mau");
/// - else every name with the same place and another qualifier in
///   brackets, or none ("Lâm Đồng" for "Lâm Đồng (merged)", "Bến Tre
///   (merged)" for "Bến Tre": which basis is meant is the reader's call);
/// - else, under the same qualifier, the places nearest in spelling, at
///   most one edit in four letters of the place's name ("Hau Gaing" for
///   "Hậu Giang"), all of them where two are as near.
pub fn nearest_regions<'k>(found: &str, known: &[&'k str]) -> Vec<&'k str> {
    let target = folded(found);
    let same: Vec<&str> = known
        .iter()
        .copied()
        .filter(|k| folded(k) == target)
        .collect();
    if !same.is_empty() {
        return same;
    }
    let (place, qualifier) = place_and_qualifier(&target);
    let parts: Vec<(&str, String)> = known.iter().map(|k| (*k, folded(k))).collect();
    let same_place: Vec<&str> = parts
        .iter()
        .filter(|(_, f)| place_and_qualifier(f).0 == place)
        .map(|(k, _)| *k)
        .collect();
    if !same_place.is_empty() {
        return same_place;
    }
    let near: Vec<(usize, &str)> = parts
        .iter()
        .filter_map(|(k, f)| {
            let (p, q) = place_and_qualifier(f);
            let d = crate::scenario::edit_distance(place, p);
            (q == qualifier && d * 4 <= p.chars().count()).then_some((d, *k))
        })
        .collect();
    let best = near.iter().map(|(d, _)| *d).min();
    near.into_iter()
        .filter(|(d, _)| Some(*d) == best)
        .map(|(_, k)| k)
        .collect()
}

/// A folded name's place and its qualifier in brackets, if any:
/// "ca mau (merged)" is ("ca mau", "(merged)").
fn place_and_qualifier(folded: &str) -> (&str, &str) {
    match folded.find(" (") {
        Some(i) if folded.ends_with(')') => (&folded[..i], &folded[i + 1..]),
        _ => (folded, ""),
    }
}

/// A region's name without accents, in lower case, spaces collapsed: how
/// a name typed on a keyboard without Vietnamese input is compared.
fn folded(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    name.nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| if matches!(c, 'đ' | 'Đ') { 'd' } else { c })
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The vintages grdp reads by name: [`LATEST`] for every series, and the
/// first estimates the record of past shortfalls can be asked to use.
/// Any other name is kept for the record only.
const READ_BY_NAME: [&str; 2] = [LATEST, "first_estimate"];

/// Why `unit` cannot be the unit of `indicator`, whose name carries its
/// own (`_pct` percent, `_pp` percentage points): a fraction or an amount
/// of money written beside a rate means the value is not in the unit
/// grdp reads it in (0.0715 for 7.15 %). `None` where it fits, or where
/// the unit is left empty. In English and in Vietnamese.
fn unit_mismatch(indicator: &str, unit: &str) -> Option<(String, String)> {
    let (rate, rate_vi) = if indicator.ends_with("_pct") {
        ("percent", "phần trăm")
    } else if indicator.ends_with("_pp") {
        ("percentage points", "điểm phần trăm")
    } else {
        return None;
    };
    let u = unit.trim().to_lowercase();
    // Whole words of a unit that is no rate. Not "tỷ" alone: "tỷ lệ" (rate)
    // and "tỷ trọng" (share) label percentages in Vietnamese releases; nor
    // "ratio", which notes such as "% (ratio to the year before)" use.
    const NOT_A_RATE: [&str; 8] = [
        "fraction",
        "decimal",
        "bn",
        "billion",
        "million",
        "vnd",
        "tỷ đồng",
        "triệu đồng",
    ];
    let words: Vec<&str> = u
        .split(|c: char| !c.is_alphanumeric() && c != ' ')
        .flat_map(str::split_whitespace)
        .collect();
    let phrase = words.join(" ");
    let found = NOT_A_RATE.iter().any(|w| {
        if w.contains(' ') {
            phrase.contains(w)
        } else {
            words.contains(w)
        }
    });
    let suffix = if rate == "percent" { "pct" } else { "pp" };
    let symbol = if rate == "percent" { "%" } else { "pp" };
    found.then(|| {
        (
            format!(
                "found the unit `{}` for {indicator}, which grdp reads in {rate} (its name ends _{suffix}): write the value in {rate} (7.15 for 7.15 %, not 0.0715) and the unit {symbol}",
                unit.trim(),
            ),
            format!(
                "gặp đơn vị `{}` cho {indicator}, chỉ tiêu grdp đọc theo {rate_vi} (tên kết thúc bằng _{suffix}): hãy ghi giá trị theo {rate_vi} (`7.15` cho 7,15%, không phải `0.0715`) và đơn vị {symbol}",
                unit.trim(),
            ),
        )
    })
}

/// The vintage `found` was probably meant to be, when it differs from one
/// grdp reads by name only in case, spaces or hyphens (`Latest`,
/// `first estimate`): a row so marked would silently count for nothing.
fn misspelt_vintage(found: &str) -> Option<&'static str> {
    let folded: String = found
        .trim()
        .chars()
        .map(|c| match c {
            ' ' | '-' => '_',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    READ_BY_NAME
        .into_iter()
        .find(|&name| name == folded && name != found)
}

const REQUIRED: [&str; 5] = ["region", "period", "component", "indicator", "value"];
const OPTIONAL: [&str; 4] = ["unit", "status", "vintage", "source"];

/// One value of the history file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HistoryRecord {
    /// 1-based line in the file.
    pub line: usize,
    /// Region, e.g. `can_tho` or `vietnam`.
    pub region: String,
    /// A year (`2024`), part of one (`2024-9M`, `2024-H1`), or a plan's
    /// years (`2026-2030`).
    pub period: String,
    /// Component id, or `total`.
    pub component: String,
    /// What is measured, with its unit in the name (`growth_pct`, `contribution_pp`).
    pub indicator: String,
    /// The value, in the indicator's unit.
    pub value: f64,
    /// Unit as written.
    pub unit: String,
    /// Status as written.
    pub status: String,
    /// Vintage (`latest`, `first_estimate`, `draft_resolution`, …).
    pub vintage: String,
    /// Source address or document.
    pub source: String,
}

impl HistoryRecord {
    /// The calendar year, where the period is a whole year.
    pub fn year(&self) -> Option<i32> {
        self.period.parse().ok()
    }
}

/// A loaded history file.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct History {
    /// The records, in file order.
    pub records: Vec<HistoryRecord>,
}

impl History {
    /// The latest-vintage value of one figure.
    pub fn latest(
        &self,
        region: &str,
        period: &str,
        component: &str,
        indicator: &str,
    ) -> Option<f64> {
        self.vintage(region, period, component, indicator, LATEST)
    }

    /// The value of one figure in a given vintage.
    pub fn vintage(
        &self,
        region: &str,
        period: &str,
        component: &str,
        indicator: &str,
        vintage: &str,
    ) -> Option<f64> {
        self.records
            .iter()
            .find(|r| {
                r.region == region
                    && r.period == period
                    && r.component == component
                    && r.indicator == indicator
                    && r.vintage == vintage
            })
            .map(|r| r.value)
    }

    /// A yearly series preferring `vintage` where a year has it, the latest
    /// value elsewhere (whole years only), ascending by year: the series as
    /// it stood at first estimate, say, where an estimate was revised.
    pub fn annual_preferring(
        &self,
        region: &str,
        component: &str,
        indicator: &str,
        vintage: &str,
    ) -> Vec<(i32, f64)> {
        self.annual(region, component, indicator)
            .into_iter()
            .map(|(y, v)| {
                let preferred = self.records.iter().find(|r| {
                    r.region == region
                        && r.component == component
                        && r.indicator == indicator
                        && r.vintage == vintage
                        && r.year() == Some(y)
                });
                (y, preferred.map_or(v, |r| r.value))
            })
            .collect()
    }

    /// A yearly series (latest vintage, whole years only), ascending by year.
    pub fn annual(&self, region: &str, component: &str, indicator: &str) -> Vec<(i32, f64)> {
        let mut out: Vec<(i32, f64)> = self
            .records
            .iter()
            .filter(|r| {
                r.region == region
                    && r.component == component
                    && r.indicator == indicator
                    && r.vintage == LATEST
            })
            .filter_map(|r| r.year().map(|y| (y, r.value)))
            .collect();
        out.sort_by_key(|(y, _)| *y);
        out
    }
}

/// The largest history file read, bytes (the built-in one is 15 kB).
pub const MAX_HISTORY_BYTES: u64 = 50_000_000;

/// Reads a history file.
pub fn read_history(path: &Path) -> Result<History, LoadError> {
    let origin = path.display().to_string();
    let bytes = crate::error::read_file(path, MAX_HISTORY_BYTES, crate::error::HISTORY_WHAT)?;
    let text = decode(&origin, &bytes, crate::error::HISTORY_EXPECTED)?;
    parse_history(text, &origin)
}

/// Parses a number as a spreadsheet might write it: `9.5`, or `9,5` with a
/// decimal comma. A comma followed by exactly three digits (`1,234`) could
/// be a thousands separator, so it is refused rather than guessed. The
/// refusal in English and in Vietnamese.
fn parse_value(raw: &str) -> Result<f64, (String, String)> {
    let s = raw.trim();
    if let Ok(v) = s.parse::<f64>() {
        return if v.is_finite() {
            Ok(v)
        } else {
            Err((
                format!("found `{s}`; expected a finite number"),
                format!("gặp `{s}`; cần một số hữu hạn"),
            ))
        };
    }
    if let Some((int, frac)) = s.split_once(',') {
        let digits = |t: &str| !t.is_empty() && t.chars().all(|c| c.is_ascii_digit());
        let int_digits = int.strip_prefix('-').unwrap_or(int);
        if digits(int_digits) && digits(frac) {
            if frac.len() == 3 {
                return Err((
                    format!(
                        "found `{s}`, which could be {int}.{frac} (decimal comma) or {int}{frac} (thousands separator); write it with a decimal point"
                    ),
                    format!(
                        "gặp `{s}`: có thể là số thập phân {int},{frac} (dấu phẩy thập phân) hoặc số {int}{frac} (dấu phẩy ngăn cách hàng nghìn); trong tệp hãy ghi `{int}.{frac}` cho số thập phân, hoặc `{int}{frac}`"
                    ),
                ));
            }
            return format!("{int}.{frac}").parse().map_err(|_| {
                (
                    format!("found `{s}`; expected a number"),
                    format!("gặp `{s}`; cần một số"),
                )
            });
        }
    }
    Err((
        format!("found `{s}`; expected a number such as 7.12"),
        format!("gặp `{s}`; cần một số, ví dụ `7.12`"),
    ))
}

/// The largest growth rate or contribution a history holds, percent or
/// percentage points.
const MAX_RATE: f64 = 1000.0;

/// Whether `p` is a period the history reads: a year, or part of one.
fn valid_period(p: &str) -> bool {
    let year = |y: &str| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit());
    match p.split_once('-') {
        None => year(p),
        // A plan's years, such as 2026-2030 (for its average targets).
        Some((first, last)) if year(first) && year(last) => first < last,
        Some((y, part)) => {
            year(y)
                && match part.as_bytes() {
                    [b'Q', n] => (b'1'..=b'4').contains(n),
                    [b'H', n] => (b'1'..=b'2').contains(n),
                    _ => part
                        .strip_suffix('M')
                        .and_then(|m| m.parse::<u8>().ok())
                        .is_some_and(|m| (1..=12).contains(&m)),
                }
        }
    }
}

/// The name of a history error's field in Vietnamese: the header and a
/// row in words, a column by its name (as the file writes it).
fn field_vi(field: &str) -> &str {
    match field {
        "header" => "dòng tiêu đề",
        "row" => "dòng số liệu",
        column => column,
    }
}

/// Parses history text; `origin` names it in errors.
pub fn parse_history(text: &str, origin: &str) -> Result<History, LoadError> {
    // An error of a line: `vi` is the message in Vietnamese, `None` where
    // it is the CSV reader's own (English) words.
    let err = |line: Option<usize>, field: String, message: String, vi: Option<String>| {
        let message_vi = vi.map(|vi| format!("{}: {vi}", field_vi(&field)));
        LoadError {
            origin: origin.to_string(),
            line,
            column: None,
            kind: Box::new(LoadErrorKind::Invalid { field, message }),
            message_vi,
        }
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| err(Some(1), "header".into(), e.to_string(), None))?
        .clone();
    let column = |name: &str| headers.iter().position(|h| h.trim() == name);
    if headers.len() == 1
        && let Some(sep) = [';', '\t'].into_iter().find(|c| headers[0].contains(*c))
    {
        let what = if sep == ';' { "semicolons" } else { "tabs" };
        let what_vi = if sep == ';' {
            "dấu chấm phẩy"
        } else {
            "ký tự tab"
        };
        return Err(err(
            Some(1),
            "header".into(),
            format!(
                "the columns are separated by {what}; grdp reads comma-separated files: save the sheet as \"CSV (comma delimited)\", or replace each {} with a comma (and write decimals with a point)",
                if sep == ';' { "semicolon" } else { "tab" }
            ),
            Some(format!(
                "các cột được phân cách bằng {what_vi}; grdp đọc tệp có các cột phân cách bằng dấu phẩy: hãy lưu bảng tính dưới dạng \"CSV (comma delimited)\", hoặc thay mỗi {what_vi} bằng một dấu phẩy (và ghi số thập phân bằng dấu chấm)"
            )),
        ));
    }
    for (i, h) in headers.iter().enumerate() {
        if let Some(j) = headers.iter().take(i).position(|o| o.trim() == h.trim()) {
            return Err(err(
                Some(1),
                "header".into(),
                format!(
                    "the column `{}` appears twice (columns {} and {}); expected each column once",
                    h.trim(),
                    j + 1,
                    i + 1
                ),
                Some(format!(
                    "cột `{}` xuất hiện hai lần (cột thứ {} và cột thứ {}); mỗi cột chỉ ghi một lần",
                    h.trim(),
                    j + 1,
                    i + 1
                )),
            ));
        }
    }
    for h in headers.iter() {
        let h = h.trim();
        if !REQUIRED.contains(&h) && !OPTIONAL.contains(&h) {
            let known: Vec<&str> = REQUIRED.iter().chain(&OPTIONAL).copied().collect();
            return Err(err(
                Some(1),
                "header".into(),
                format!(
                    "unknown column `{h}`; expected columns among: {}{}",
                    known.join(", "),
                    suggestion(h, &known)
                ),
                Some(format!(
                    "cột `{h}` không phải cột grdp đọc; cần các cột trong số: {}{}",
                    known.join(", "),
                    crate::vietnamese::suggestion_vi(&suggestion(h, &known))
                )),
            ));
        }
    }
    for name in REQUIRED {
        column(name).ok_or_else(|| {
            err(
                Some(1),
                "header".into(),
                format!(
                    "no `{name}` column; expected a header with at least: {}",
                    REQUIRED.join(",")
                ),
                Some(format!(
                    "không có cột `{name}`; cần dòng tiêu đề có ít nhất: {}",
                    REQUIRED.join(",")
                )),
            )
        })?;
    }
    let mut records = Vec::new();
    let mut seen: HashMap<(String, String, String, String, String), usize> = HashMap::new();
    // A row's line, counted from its byte offset: the reader's own count
    // runs one short after Windows line endings (CR LF), as Excel saves,
    // where a row's offset can fall on the LF before it (skipped here: no
    // row starts with a line ending).
    let line_at = |byte: u64| {
        let bytes = text.as_bytes();
        let mut end = (byte as usize).min(bytes.len());
        while end < bytes.len() && matches!(bytes[end], b'\r' | b'\n') {
            end += 1;
        }
        bytes[..end].iter().filter(|&&b| b == b'\n').count() + 1
    };
    for row in reader.records() {
        let row = row.map_err(|e| {
            let line = e.position().map(|p| line_at(p.byte()));
            let (msg, vi) = match e.kind() {
                csv::ErrorKind::UnequalLengths { expected_len, len, .. } => (
                    format!(
                        "found {len} fields; expected {expected_len} like the header (a decimal comma must be quoted: \"9,5\")"
                    ),
                    Some(format!(
                        "gặp {len} ô; cần {expected_len} ô như dòng tiêu đề (số có dấu phẩy thập phân phải đặt trong ngoặc kép: \"9,5\")"
                    )),
                ),
                _ => (e.to_string(), None),
            };
            err(line, "row".into(), msg, vi)
        })?;
        let line = row.position().map_or(0, |p| line_at(p.byte()));
        let get = |name: &str| {
            column(name)
                .and_then(|i| row.get(i))
                .map(|s| s.trim().to_string())
        };
        let req = |name: &str| -> Result<String, LoadError> {
            let v = get(name).unwrap_or_default();
            if v.is_empty() {
                Err(err(
                    Some(line),
                    name.into(),
                    "empty; expected a value".into(),
                    Some("trống; cần một giá trị".into()),
                ))
            } else {
                Ok(v)
            }
        };
        let value_text = req("value")?;
        let value = parse_value(&value_text)
            .map_err(|(m, vi)| err(Some(line), "value".into(), m, Some(vi)))?;
        let period = req("period")?;
        if !valid_period(&period) {
            return Err(err(
                Some(line),
                "period".into(),
                format!(
                    "found `{period}`; expected a year (2024), a quarter (2024-Q3), a half (2024-H1), the months from January (2024-9M) or a plan's years (2026-2030)"
                ),
                Some(format!(
                    "gặp `{period}`; cần một năm (2024), một quý (2024-Q3), 6 tháng đầu năm (2024-H1), lũy kế từ đầu năm (2024-9M: 9 tháng) hoặc các năm của một kế hoạch (2026-2030)"
                )),
            ));
        }
        let indicator = req("indicator")?;
        if (indicator.ends_with("_pct") || indicator.ends_with("_pp")) && value.abs() > MAX_RATE {
            return Err(err(
                Some(line),
                "value".into(),
                format!(
                    "found {value:?} for {indicator}; a rate beyond ±{MAX_RATE} is a typing slip"
                ),
                Some(format!(
                    "gặp `{value:?}` cho {indicator}; một tỷ lệ (phần trăm hay điểm phần trăm) vượt ±{} là do gõ nhầm",
                    crate::vietnamese::number(MAX_RATE, 0)
                )),
            ));
        }
        if let Some(unit) = get("unit")
            && let Some(why) = unit_mismatch(&indicator, &unit)
        {
            return Err(err(Some(line), "unit".into(), why.0, Some(why.1)));
        }
        if let Some(meant) = get("vintage").as_deref().and_then(misspelt_vintage) {
            return Err(err(
                Some(line),
                "vintage".into(),
                format!(
                    "found `{}`; did you mean `{meant}`? grdp reads this vintage by its exact name, and a row under another name is kept for the record only (it enters no series)",
                    get("vintage").unwrap_or_default()
                ),
                Some(format!(
                    "gặp `{}`; có phải là `{meant}`? grdp đọc bản số liệu này theo đúng tên của nó; một dòng mang tên khác chỉ được giữ để lưu hồ sơ (không đưa vào chuỗi số liệu nào)",
                    get("vintage").unwrap_or_default()
                )),
            ));
        }
        let record = HistoryRecord {
            line,
            region: region_name(&req("region")?),
            period,
            component: req("component")?,
            indicator,
            value,
            unit: get("unit").unwrap_or_default(),
            status: get("status").unwrap_or_default(),
            vintage: get("vintage")
                .filter(|v| !v.is_empty())
                .unwrap_or_else(|| LATEST.into()),
            source: get("source").unwrap_or_default(),
        };
        let key = (
            record.region.clone(),
            record.period.clone(),
            record.component.clone(),
            record.indicator.clone(),
            record.vintage.clone(),
        );
        if let Some(first) = seen.insert(key, line) {
            return Err(err(
                Some(line),
                "row".into(),
                format!(
                    "{} {} {} {} ({} vintage) is already given on line {first}; expected one value per figure and vintage (mark older figures with another vintage)",
                    record.region,
                    record.period,
                    record.component,
                    record.indicator,
                    record.vintage
                ),
                Some(format!(
                    "{} {} {} {} (bản số liệu {}) đã có ở dòng {first}; mỗi số liệu chỉ có một giá trị cho mỗi bản số liệu (ghi số liệu cũ dưới tên một bản số liệu khác)",
                    record.region,
                    record.period,
                    record.component,
                    record.indicator,
                    record.vintage
                )),
            ));
        }
        records.push(record);
    }
    if records.is_empty() {
        return Err(LoadError {
            origin: origin.to_string(),
            line: None,
            column: None,
            kind: Box::new(LoadErrorKind::Empty {
                expected: crate::error::HISTORY_ROWS_EXPECTED,
            }),
            message_vi: None,
        });
    }
    Ok(History { records })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_commas_are_read_only_when_unambiguous() {
        assert_eq!(parse_value("9,5").unwrap().to_bits(), 9.5f64.to_bits());
        assert_eq!(
            parse_value("-2,79").unwrap().to_bits(),
            (-2.79f64).to_bits()
        );
        assert!(parse_value("1,234").unwrap_err().0.contains("thousands"));
        assert!(parse_value("abc").is_err());
        assert!(parse_value("NaN").is_err());
    }

    #[test]
    fn duplicate_figure_names_both_lines() {
        let text = "region,period,component,indicator,value\nx,2020,total,growth_pct,1\nx,2020,total,growth_pct,2\n";
        let e = parse_history(text, "h.csv").unwrap_err();
        assert_eq!(e.line, Some(3));
        assert!(e.to_string().contains("line 2"), "{e}");
    }

    /// A name typed without accents, in another case or with a stray
    /// space finds the table's; a place without its qualifier, or with
    /// another, finds every name of that place; a letter or two off finds
    /// the place under the same qualifier; a name unlike any finds none.
    #[test]
    fn a_region_typed_without_accents_finds_the_tables_name() {
        let known = [
            "Bắc Ninh (merged)",
            "Bạc Liêu",
            "Cà Mau",
            "Cà Mau (merged)",
            "Cần Thơ (merged)",
            "Cần Thơ (old)",
            "Hậu Giang",
            "Quảng Nam",
            "Quảng Ngãi (merged)",
            "Đồng Tháp",
        ];
        let near = |s: &str| nearest_regions(s, &known);
        assert_eq!(near("Ca Mau"), ["Cà Mau"]);
        assert_eq!(near("ca mau  (Merged)"), ["Cà Mau (merged)"]);
        assert_eq!(near("Dong Thap"), ["Đồng Tháp"]);
        assert_eq!(near("Hau Gaing"), ["Hậu Giang"]);
        // The place, under another qualifier or none: not another place.
        assert_eq!(near("Bạc Liêu (merged)"), ["Bạc Liêu"]);
        assert_eq!(near("Hậu Giang (merged)"), ["Hậu Giang"]);
        assert_eq!(near("Quảng Ngãi"), ["Quảng Ngãi (merged)"]);
        assert_eq!(near("Cần Thơ (new)"), ["Cần Thơ (merged)", "Cần Thơ (old)"]);
        assert!(near("Kiên Giang").is_empty());
        assert!(near("Bến Tre (merged)").is_empty());
    }

    /// White space of any kind and length between words is one space.
    #[test]
    fn a_non_breaking_space_in_a_name_is_a_space() {
        assert_eq!(region_name(" Cà\u{a0}Mau  (merged) "), "Cà Mau (merged)");
    }

    /// Lines are counted the same with Windows line endings (CR LF, as
    /// Excel saves): the reader's own count ran one short.
    #[test]
    fn lines_are_counted_alike_with_windows_line_endings() {
        for newline in ["\n", "\r\n"] {
            let text = [
                "region,period,component,indicator,value,vintage",
                "x,2019,total,growth_pct,1,latest",
                "x,2020,total,growth_pct,2,latest",
                "x,2021,total,growth_pct,3,Latest",
                "",
            ]
            .join(newline);
            let e = parse_history(&text, "h.csv").unwrap_err();
            assert_eq!(e.line, Some(4), "{newline:?}: {e}");
            let bad = text.replace("growth_pct,2,", "growth_pct,2,x,");
            let e = parse_history(&bad, "h.csv").unwrap_err();
            assert_eq!(e.line, Some(3), "{newline:?}: {e}");
        }
    }

    /// A vintage that is `latest` or `first_estimate` but for its case,
    /// spaces or hyphens is a typing slip (its rows would count for
    /// nothing); any other name is a vintage of its own.
    #[test]
    fn a_misspelt_vintage_is_refused_and_others_are_kept() {
        let head = "region,period,component,indicator,value,vintage\n";
        for (vintage, meant) in [
            ("Latest", "latest"),
            (" LATEST", "latest"),
            ("first estimate", "first_estimate"),
            ("First-Estimate", "first_estimate"),
        ] {
            let text = format!(
                "{head}x,2020,total,growth_pct,1,latest\nx,2021,total,growth_pct,2,{vintage}\n"
            );
            let e = parse_history(&text, "h.csv").unwrap_err();
            assert_eq!(e.line, Some(3), "{vintage}");
            assert!(
                e.to_string().contains(&format!("did you mean `{meant}`")),
                "{e}"
            );
        }
        let text = format!(
            "{head}x,2020,total,growth_pct,1,latest\nx,2020,total,growth_pct,2,draft_resolution\nx,2020,total,growth_pct,3,first_estimate\nx,2021,total,growth_pct,4,\n"
        );
        let h = parse_history(&text, "h.csv").unwrap();
        assert_eq!(h.records.len(), 4);
        assert_eq!(
            h.records[3].vintage, LATEST,
            "an empty vintage is the latest"
        );
    }

    /// A region saved decomposed (NFD: `a` then U+0302 then U+0300) is read
    /// as the composed name (NFC: U+1EA7), so it matches what is typed.
    #[test]
    fn a_decomposed_region_is_read_composed() {
        let text = "region,period,component,indicator,value\nc\u{0061}\u{0302}\u{0300}n_th\u{006f}\u{031b},2020,total,growth_pct,1\n";
        let h = parse_history(text, "h.csv").unwrap();
        assert_eq!(h.records[0].region, "c\u{1ea7}n_th\u{01a1}");
        assert_eq!(
            region_name(" c\u{1ea7}n_th\u{01a1} "),
            "c\u{1ea7}n_th\u{01a1}"
        );
    }

    #[test]
    fn unknown_column_is_named_with_a_suggestion() {
        let e = parse_history("region,period,component,indicatr,value\n", "h.csv").unwrap_err();
        assert!(e.to_string().contains("did you mean `indicator`"), "{e}");
    }
}

#[cfg(test)]
mod unit_tests {
    use super::{parse_history, unit_mismatch};

    #[test]
    fn a_rate_marked_as_a_fraction_or_an_amount_is_caught_and_rate_labels_are_not() {
        for bad in [
            "fraction",
            "Fraction (0-1)",
            "decimal",
            "bn VND",
            "tỷ đồng",
            "triệu đồng",
        ] {
            assert!(unit_mismatch("growth_pct", bad).is_some(), "{bad}");
        }
        for fine in [
            "%",
            "% of GRDP",
            "tỷ lệ %",
            "tỷ trọng %",
            "% (ratio to the year before)",
            "pp",
            "điểm %",
            "",
        ] {
            assert!(unit_mismatch("growth_pct", fine).is_none(), "{fine}");
        }
        // Not a rate: the unit is not checked.
        assert!(unit_mismatch("grdp_current_bn_vnd", "bn VND").is_none());
    }

    /// The reader's errors in Vietnamese under `--lang vi`, placed as in
    /// English; the English stays as it was.
    #[test]
    fn errors_speak_vietnamese_too() {
        let header = "region,period,component,indicator,value\n";
        for (text, en, vi) in [
            (
                "region;period;component;indicator;value\n".to_string(),
                "h.csv:1: header: the columns are separated by semicolons",
                "h.csv:1: dòng tiêu đề: các cột được phân cách bằng dấu chấm phẩy",
            ),
            (
                format!("{header}x,2024,total,growth_pct,3,000\n"),
                "h.csv:2: row: found 6 fields; expected 5",
                "h.csv:2: dòng số liệu: gặp 6 ô; cần 5 ô như dòng tiêu đề",
            ),
            (
                format!("{header}x,2024,total,growth_pct,\"3,000\"\n"),
                "h.csv:2: value: found `3,000`, which could be 3.000",
                "h.csv:2: value: gặp `3,000`: có thể là số thập phân 3,000 (dấu phẩy thập phân) hoặc số 3000 (dấu phẩy ngăn cách hàng nghìn); trong tệp hãy ghi `3.000` cho số thập phân, hoặc `3000`",
            ),
            (
                format!("{header}x,2024,total,growth_pct,\n"),
                "h.csv:2: value: empty; expected a value",
                "h.csv:2: value: trống; cần một giá trị",
            ),
        ] {
            let e = parse_history(&text, "h.csv").unwrap_err();
            assert!(e.display_in(false).starts_with(en), "{e}");
            assert!(e.display_in(true).starts_with(vi), "{}", e.display_in(true));
        }
    }
}
