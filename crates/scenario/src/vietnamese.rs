//! The engine's refusals in Vietnamese: grdp-core speaks English only (it
//! knows nothing of languages), so its structured errors are said again
//! here, from their fields, for `--lang vi`. Where an error carries free
//! text (a target's reason, an uncertainty check's message), the text is
//! read back by its known shapes; a shape this module does not know gives
//! `None`, and the error stays English rather than half translated.

use grdp_core::ModelError;
use grdp_core::uncertainty::UncertaintyError;

/// A model error in Vietnamese; `None` where it has no Vietnamese yet
/// (it is then shown in English).
pub fn model_error(e: &ModelError) -> Option<String> {
    Some(match e {
        ModelError::NoComponents => {
            "nền kinh tế không có thành phần nào; cần ít nhất một thành phần".to_string()
        }
        ModelError::EmptyComponentId { position } => {
            format!("thành phần thứ {position} có mã trống; cần một tên ngắn, ví dụ `services`")
        }
        ModelError::DuplicateComponent { id } => {
            format!("thành phần `{id}` được ghi nhiều lần; mỗi mã chỉ ghi một lần")
        }
        ModelError::UnknownComponent { field, id, known } => format!(
            "{field} nêu thành phần `{id}`, không có trong nền kinh tế; cần một trong: {known}"
        ),
        ModelError::MissingComponent { field, id } => {
            format!(
                "{field} không có giá trị cho thành phần `{id}`; cần mỗi thành phần một giá trị"
            )
        }
        ModelError::WrongLength {
            field,
            found,
            expected,
        } => format!("{field} có {found} giá trị; cần {expected}, mỗi thành phần một giá trị"),
        ModelError::NotFinite { field, value } => {
            format!("{field} là {}; cần một số hữu hạn", not_finite(*value))
        }
        ModelError::NotPositive { field, value } => {
            format!("{field} là `{}`; cần một số lớn hơn 0", typed(*value))
        }
        ModelError::Negative { field, value } => {
            format!("{field} là `{}`; cần một số từ 0 trở lên", typed(*value))
        }
        ModelError::GrowthAtOrBelowMinus100 { field, value } => format!(
            "{field} là {}%; cần tốc độ tăng trên -100% (một mức không thể giảm xuống 0 hay thấp hơn)",
            number(*value, 4)
        ),
        ModelError::WeightsDoNotSumTo100 {
            field,
            sum_pct,
            tolerance_pct,
        } => {
            let sum = number(*sum_pct, 4);
            format!(
                "tổng của {field} là {sum}%; cần 100% (lệch không quá {} điểm phần trăm). Tỷ trọng tính từ các mức đóng góp đã làm tròn hiếm khi cộng lại đúng 100: nhân mỗi tỷ trọng theo giá so sánh 2010 với 100 / {sum}, hoặc để `grdp derive` tính từ số liệu công bố và báo phần chênh lệch",
                number(*tolerance_pct, 4)
            )
        }
        ModelError::QuarterSharesDoNotSumTo100 {
            sum_pct,
            tolerance_pct,
        } => format!(
            "tổng tỷ trọng các quý là {}%; cần 100% (lệch không quá {} điểm phần trăm, mức lệch lớn nhất khi bốn tỷ trọng được làm tròn đến một chữ số thập phân): có tỷ trọng nào bị gõ nhầm không?",
            number(*sum_pct, 2),
            number(*tolerance_pct, 4)
        ),
        ModelError::YearsOutOfOrder {
            field,
            year,
            expected,
        } => format!(
            "{field}: gặp năm {year}; cần năm {expected} (các năm kế hoạch nối tiếp năm xuất phát, từng năm một, không bỏ năm nào)"
        ),
        ModelError::OutcomeAfterBase {
            field,
            year,
            base_year,
        } => format!(
            "{field}: năm {year} sau năm xuất phát {base_year}; cần kết quả thực hiện đến năm xuất phát (các năm sau thuộc về kế hoạch)"
        ),
        ModelError::DuplicateYear { field, year } => {
            format!("{field}: năm {year} được ghi nhiều lần; mỗi năm chỉ ghi một lần")
        }
        ModelError::InvalidTarget { id, reason } => {
            format!("chỉ tiêu `{id}`: {}", target_reason(reason)?)
        }
        ModelError::InvalidInvestment { reason } => match reason.strip_prefix("[investment] ") {
            Some(rest) if rest.starts_with("year ") => {
                format!("[investment] {}", target_reason(rest)?)
            }
            _ => target_reason(reason)?,
        },
        ModelError::InvalidPeriodTarget { id, reason } => {
            format!("chỉ tiêu giai đoạn `{id}`: {}", target_reason(reason)?)
        }
        ModelError::Unsolvable { what, reason } => format!(
            "không giải được {}: {}",
            unsolvable_what(what)?,
            unsolvable_reason(reason)?
        ),
        _ => return None,
    })
}

/// What is wrong with a target, a period target, `[investment]` or
/// `[known]` (grdp-core's `reason`), in Vietnamese.
fn target_reason(reason: &str) -> Option<String> {
    Some(match reason {
        "the id is empty; expected a short unique name" => {
            "mã trống; cần một tên ngắn, không trùng với mã khác".to_string()
        }
        "the id is used by another target; expected unique ids" => {
            "mã này đã được một chỉ tiêu khác dùng; mỗi chỉ tiêu cần một mã riêng".to_string()
        }
        "has neither min nor max; expected at least one" => {
            "không có min cũng không có max; cần ít nhất một trong hai".to_string()
        }
        "[investment] has neither growth_min_pct nor growth_max_pct; expected at least one" => {
            "[investment] không có growth_min_pct cũng không có growth_max_pct; cần ít nhất một trong hai"
                .to_string()
        }
        "[investment] sets investment growth without base_bn_vnd; expected the base year's investment it grows from" => {
            "[investment] có tốc độ tăng vốn đầu tư nhưng không có base_bn_vnd; cần vốn đầu tư năm xuất phát làm gốc để tính"
                .to_string()
        }
        "[investment] has no investment target and no icor_reference; expected a base_bn_vnd with its growth, or at least one icor_reference" => {
            "[investment] không có chỉ tiêu vốn đầu tư cũng không có icor_reference; cần base_bn_vnd cùng tốc độ tăng, hoặc ít nhất một icor_reference"
                .to_string()
        }
        _ => {
            if let Some(rest) = reason.strip_prefix("min ")
                && let Some((lo, hi)) = rest
                    .strip_suffix("; expected min ≤ max")
                    .and_then(|r| r.split_once(" is above max "))
            {
                format!("min `{lo}` lớn hơn max `{hi}`; cần min ≤ max")
            } else if let Some(rest) = reason.strip_prefix("last_year ")
                && let Some((last, first)) = rest
                    .strip_suffix("; expected first_year ≤ last_year")
                    .and_then(|r| r.split_once(" is before first_year "))
            {
                format!("last_year {last} trước first_year {first}; cần first_year ≤ last_year")
            } else if let Some(rest) = reason.strip_prefix("direction = \"")
                && let Some((direction, what)) = rest
                    .strip_suffix("; expected a bound on the side the target points to")
                    .and_then(|r| r.split_once("\" needs "))
            {
                let what = match what {
                    "min and max" => "cả min và max",
                    "min" | "max" => what,
                    _ => return None,
                };
                format!(
                    "direction = \"{direction}\" cần {what}: chỉ tiêu hướng về phía nào thì cần cận ở phía đó"
                )
            } else if let Some((indicator, c)) = reason
                .strip_suffix("`; remove the component")
                .and_then(|r| r.split_once(" is an aggregate indicator but names component `"))
            {
                format!("{indicator} là chỉ tiêu tổng hợp nhưng lại nêu thành phần `{c}`; hãy bỏ thành phần")
            } else if let Some((indicator, known)) =
                reason.split_once(" needs a component; expected one of: ")
            {
                format!("{indicator} cần nêu một thành phần, là một trong: {known}")
            } else if let Some(rest) = reason.strip_prefix("year ")
                && let Some((year, base)) = rest
                    .strip_suffix("; expected a plan year")
                    .and_then(|r| r.split_once(" is not after the base year "))
            {
                format!("năm {year} không sau năm xuất phát {base}; cần một năm kế hoạch")
            } else if let Some((lo, hi)) = reason
                .strip_prefix("[investment] growth_min_pct ")
                .and_then(|r| r.strip_suffix("; expected the lower bound first"))
                .and_then(|r| r.split_once(" is above growth_max_pct "))
            {
                format!(
                    "[investment] growth_min_pct `{lo}` lớn hơn growth_max_pct `{hi}`; cận dưới phải không lớn hơn cận trên"
                )
            } else if let Some(year) = reason.strip_prefix("[known] year ").and_then(|r| {
                r.strip_suffix(
                    " is not a plan year; expected the year a release covers in part",
                )
            }) {
                format!(
                    "[known] năm {year} không phải năm kế hoạch; cần năm mà số liệu công bố mới có một phần"
                )
            } else {
                return None;
            }
        }
    })
}

/// The question a solver could not answer (`Unsolvable`'s `what`), in
/// Vietnamese, for the shapes grdp-core gives it.
fn unsolvable_what(what: &str) -> Option<String> {
    Some(match what {
        "the weights" => "tỷ trọng theo giá so sánh 2010".to_string(),
        "the combined base" => "số liệu năm xuất phát gộp".to_string(),
        "the growth of the unpublished components" => {
            "tốc độ tăng của các thành phần chưa công bố".to_string()
        }
        "the target" => "chỉ tiêu".to_string(),
        "the rest's growth (--then)" => "tốc độ tăng của phần còn lại (--then)".to_string(),
        _ => {
            if let Some(year) = what.strip_prefix("growth for ") {
                format!("tốc độ tăng năm {year}")
            } else if let Some(i) = what.strip_prefix("the weight of component ") {
                format!("tỷ trọng theo giá so sánh 2010 của thành phần {i}")
            } else if let Some(rest) = what.strip_prefix("the growth of the economy outside `")
                && let Some((held, rest)) = rest.split_once("` for ")
                && let Some((target, year)) = rest.split_once("% in ")
            {
                format!(
                    "tốc độ tăng của nền kinh tế ngoài `{held}` để GRDP tăng {}% năm {year}",
                    vi_text_number(target)
                )
            } else if let Some(rest) = what.strip_prefix("the growth of `")
                && let Some((c, rest)) = rest.split_once("` for ")
                && let Some((target, year)) = rest.split_once("% in ")
            {
                format!(
                    "tốc độ tăng của `{c}` để GRDP tăng {}% năm {year}",
                    vi_text_number(target)
                )
            } else if let Some(rest) = what.strip_prefix("the growth ")
                && let Some((period, average)) = rest.split_once(" needs for an average of ")
                && let Some(average) = average.strip_suffix('%')
            {
                format!(
                    "tốc độ tăng cần đạt giai đoạn {period} để bình quân tăng {}% mỗi năm",
                    vi_text_number(average)
                )
            } else if let Some(label) = what
                .strip_prefix("known growth (")
                .and_then(|r| r.strip_suffix(')'))
            {
                format!("tốc độ tăng đã biết ({label})")
            } else {
                return None;
            }
        }
    })
}

/// Why a solver's question has no answer (`Unsolvable`'s `reason`), in
/// Vietnamese, for the shapes grdp-core gives it.
fn unsolvable_reason(reason: &str) -> Option<String> {
    Some(match reason {
        "its growth is zero, so its contribution reveals nothing" => {
            "tốc độ tăng của thành phần bằng 0, nên mức đóng góp không cho biết gì".to_string()
        }
        "no component is left free to close the aggregate" => {
            "không còn thành phần nào chưa biết để khớp với tổng".to_string()
        }
        "a component's contribution and growth have opposite signs, so its weight would be negative" => {
            "mức đóng góp và tốc độ tăng của một thành phần trái dấu nhau, nên tỷ trọng theo giá so sánh 2010 của nó sẽ âm"
                .to_string()
        }
        "its weight at constant 2010 prices is 0 %: its growth does not move the aggregate" => {
            "tỷ trọng theo giá so sánh 2010 của thành phần này bằng 0%: tốc độ tăng của thành phần không làm thay đổi tốc độ tăng GRDP"
                .to_string()
        }
        "every year of the period is already known; nothing remains to solve" => {
            "mọi năm của giai đoạn đều đã có kết quả thực hiện; không còn gì để giải".to_string()
        }
        "no province given; expected two or more" => {
            "không có tỉnh nào; cần từ hai tỉnh trở lên".to_string()
        }
        "one province given; expected two or more" => {
            "chỉ có một tỉnh; cần từ hai tỉnh trở lên".to_string()
        }
        _ => {
            // A merger's refusals (grdp-core's `merger::combine`): the
            // provinces' names in backticks (file paths), the rest fixed
            // words.
            if let Some(rest) = reason.strip_suffix("; expected one base year")
                && let Some(rest) = rest.strip_prefix('`')
                && let Some((a, rest)) = rest.split_once("` has base year ")
                && let Some((ya, rest)) = rest.split_once(", `")
                && let Some((b, yb)) = rest.rsplit_once("` has ")
            {
                return Some(format!(
                    "`{a}` có năm xuất phát {ya}, `{b}` có năm {yb}; cần cùng một năm xuất phát"
                ));
            }
            if let Some(rest) = reason.strip_suffix("; expected the same components")
                && let Some(rest) = rest.strip_prefix('`')
                && let Some((a, rest)) = rest.split_once("` has components ")
                && let Some((rest, y)) = rest.rsplit_once("` has ")
                && let Some((x, b)) = rest.rsplit_once(", `")
            {
                return Some(format!(
                    "`{a}` có các thành phần {x}, `{b}` có {y}; cần cùng các thành phần"
                ));
            }
            if let Some(rest) = reason.strip_suffix("; expected the same kind in every file")
                && let Some(rest) = rest.strip_prefix('`')
                && let Some((a, rest)) = rest.split_once("` counts `")
                && let Some((id, rest)) = rest.split_once("` as kind ")
                && let Some((theirs, rest)) = rest.split_once(", `")
                && let Some((b, ours)) = rest.rsplit_once("` as ")
            {
                return Some(format!(
                    "`{a}` xếp `{id}` vào loại {theirs}, `{b}` xếp vào loại {ours}; cần cùng một loại trong mọi tệp"
                ));
            }
            if let Some(a) = reason.strip_prefix('`').and_then(|r| r.strip_suffix(
                "` has no current-price levels ([base] grdp_current_bn_vnd with share_current_pct, or current_bn_vnd); expected them for every province",
            )) {
                return Some(format!(
                    "`{a}` không có số liệu theo giá hiện hành ([base] grdp_current_bn_vnd cùng share_current_pct, hoặc current_bn_vnd); cần có cho mọi tỉnh"
                ));
            }
            if let Some(rest) = reason.strip_prefix("the plan does not cover ")
                && let Some((year, covers)) = rest.split_once("; it covers ")
            {
                let covers = match covers.split_once('-') {
                    _ if covers == "no years" => "không năm nào".to_string(),
                    Some((a, b)) if a == b => format!("năm {a}"),
                    _ => format!("giai đoạn {covers}"),
                };
                format!("kế hoạch không có năm {year}; kế hoạch gồm {covers}")
            } else if let Some(rest) = reason.strip_prefix("the period ends (")
                && let Some((last, first)) = rest
                    .strip_suffix(')')
                    .and_then(|r| r.split_once(") before it starts ("))
            {
                format!("giai đoạn kết thúc ({last}) trước khi bắt đầu ({first})")
            } else if let Some((span, most)) = reason
                .strip_prefix("the period runs ")
                .and_then(|r| r.split_once(" years; expected at most "))
            {
                format!("giai đoạn dài {span} năm; tối đa {most} năm")
            } else if let Some(rest) = reason.strip_prefix("no outcome is given for ")
                && let Some((year, first)) = rest
                    .strip_suffix(" without gaps")
                    .and_then(|r| r.split_once("; expected the period's known years to run from "))
            {
                format!(
                    "không có kết quả thực hiện năm {year}; các năm đã biết của giai đoạn phải liên tục từ năm {first}"
                )
            } else if let Some((held, share)) = reason
                .strip_prefix('`')
                .and_then(|r| r.strip_suffix(" %): nothing else moves the aggregate"))
                .and_then(|r| r.split_once("` is the whole economy at constant 2010 prices ("))
            {
                format!(
                    "`{held}` là toàn bộ nền kinh tế theo giá so sánh 2010 ({}%): không còn thành phần nào khác làm thay đổi tốc độ tăng GRDP",
                    vi_text_number(share)
                )
            } else if let Some(rest) = reason.strip_prefix("its weight at constant 2010 prices is ")
                && let Some(w) =
                    rest.strip_suffix(" %, too small for its growth to move the aggregate")
            {
                format!(
                    "tỷ trọng theo giá so sánh 2010 của thành phần là {}%, quá nhỏ để tốc độ tăng của thành phần làm thay đổi tốc độ tăng GRDP",
                    vi_text_number(w)
                )
            } else if let Some((v, max)) = reason
                .strip_suffix(" % at most): a typing slip?")
                .and_then(|r| r.split_once(" % is beyond any growth rate ("))
            {
                format!(
                    "{}% vượt mọi tốc độ tăng có thể có (nhiều nhất {}%): có phải gõ nhầm?",
                    vi_text_number(v),
                    vi_text_number(max)
                )
            } else if let Some(rest) = reason.split_once(" of component ")
                && let Some((n, x)) = rest
                    .1
                    .strip_suffix("; expected a positive number")
                    .and_then(|r| r.split_once(" is "))
            {
                format!(
                    "{} của thành phần {n} là `{x}`; cần một số dương",
                    rest.0
                )
            } else {
                return None;
            }
        }
    })
}

/// An uncertainty error in Vietnamese; `None` where it has no Vietnamese
/// yet (it is then shown in English).
pub fn uncertainty_error(e: &UncertaintyError) -> Option<String> {
    let (field, message) = match e {
        UncertaintyError::InvalidParameter { field, message }
        | UncertaintyError::InvalidCorrelation { field, message } => (field, message),
        _ => return None,
    };
    Some(format!("{field}: {}", uncertainty_message(message)?))
}

/// An uncertainty check's message (what was found and what was expected),
/// in Vietnamese, for the shapes grdp-core gives it.
fn uncertainty_message(m: &str) -> Option<String> {
    Some(match m {
        "no views; expected at least one [[uncertainty.view]]" => {
            "không có kịch bản nào; cần ít nhất một [[uncertainty.view]]".to_string()
        }
        "the id is used twice; expected unique view ids" => {
            "mã này được dùng hai lần; mỗi kịch bản cần một mã riêng".to_string()
        }
        "the list is empty; expected at least one value" => {
            "danh sách trống; cần ít nhất một giá trị".to_string()
        }
        _ => {
            if let Some((found, expected)) = m
                .strip_prefix("found ")
                .and_then(|r| r.split_once("; expected "))
                && !found.contains([' ', '"'])
            {
                format!("gặp `{found}`; cần {}", uncertainty_expected(expected)?)
            } else if let Some((found, expected)) = m
                .strip_prefix("found \"")
                .and_then(|r| r.split_once("\"; expected one of the views: "))
            {
                format!("gặp \"{found}\"; cần một trong các kịch bản: {expected}")
            } else if let Some(v) = m.strip_prefix("found ").and_then(|r| {
                r.strip_suffix(" on the diagonal; expected 1 (each component with itself)")
            }) {
                format!(
                    "gặp `{v}` trên đường chéo; cần 1 (tương quan của mỗi thành phần với chính nó)"
                )
            } else if let Some(rest) = m.strip_prefix("found ")
                && let Some((v, rest)) = rest.split_once(" but entry ")
                && let Some((at, x)) = rest
                    .strip_suffix("; expected a symmetric matrix")
                    .and_then(|r| r.split_once(" is "))
            {
                format!("gặp `{v}` nhưng phần tử {at} là `{x}`; cần một ma trận đối xứng")
            } else if let Some(rest) = m.strip_prefix("has ")
                && let Some((n, expected)) = rest.split_once(" components; expected ")
            {
                format!("có {n} thành phần; cần {expected}")
            } else if let Some(rest) = m.strip_prefix("has ")
                && let Some((n, expected)) = rest.split_once(" values; expected ")
            {
                match expected.strip_prefix("at most ") {
                    Some(most) => format!("có {n} giá trị; cần tối đa {most}"),
                    None => format!("có {n} giá trị; cần {expected}"),
                }
            } else if let Some(rest) = m.strip_prefix("has ")
                && let Some((n, rest)) = rest.split_once(" rows; expected ")
                && let Some((k, ids)) = rest.split_once(", one per component ")
            {
                format!("có {n} dòng; cần {k}, mỗi thành phần một dòng {ids}")
            } else if let Some(rest) = m.strip_prefix("row ")
                && let Some((row, rest)) = rest.split_once(" has ")
                && let Some((n, k)) = rest.split_once(" entries; expected ")
            {
                format!("dòng {row} có {n} phần tử; cần {k}")
            } else if let Some((year, years)) =
                m.split_once(" is not a plan year; expected one of ")
            {
                format!("{year} không phải năm kế hoạch; cần một trong {years}")
            } else if let Some(rest) = m.strip_prefix("max ")
                && let Some((max, min)) = rest
                    .strip_suffix("; expected min < max")
                    .and_then(|r| r.split_once(" is not above min "))
            {
                format!("max `{max}` không lớn hơn min `{min}`; cần min < max")
            } else if let Some(rest) = m.strip_prefix("mode ")
                && let Some(rest) = rest.strip_suffix("; expected min ≤ mode ≤ max")
            {
                if let Some((mode, min)) = rest.split_once(" is below min ") {
                    format!("mode `{mode}` nhỏ hơn min `{min}`; cần min ≤ mode ≤ max")
                } else if let Some((mode, max)) = rest.split_once(" is above max ") {
                    format!("mode `{mode}` lớn hơn max `{max}`; cần min ≤ mode ≤ max")
                } else {
                    return None;
                }
            } else if let Some(rest) = m.strip_prefix("cannot hold: the correlations among ")
                && let Some((names, _)) = rest.split_once(" contradict one another")
                && m.ends_with(
                    "let `grdp calibrate` repair an estimate to the nearest valid matrix (Higham 2002)",
                )
            {
                let names = match names.rsplit_once(" and ") {
                    Some((init, last)) => format!("{init} và {last}"),
                    None => names.to_string(),
                };
                format!(
                    "các hệ số tương quan giữa {names} mâu thuẫn nhau (không có phân phối đồng thời nào có các hệ số này; ma trận không xác định dương). Hãy giảm hệ số có giá trị tuyệt đối lớn nhất trong số đó, hoặc để `grdp calibrate` hiệu chỉnh ước lượng về ma trận hợp lệ gần nhất (Higham 2002)"
                )
            } else {
                return None;
            }
        }
    })
}

/// What an uncertainty check expected (after "found X; expected "), in
/// Vietnamese.
fn uncertainty_expected(expected: &str) -> Option<String> {
    Some(match expected {
        "a finite number" => "một số hữu hạn".to_string(),
        "a number greater than zero" => "một số lớn hơn 0".to_string(),
        "a number in [0, 1)" => "một số trong khoảng [0, 1)".to_string(),
        "growth above -100%" => "tốc độ tăng trên -100%".to_string(),
        "a correlation between -1 and 1" => "hệ số tương quan từ -1 đến 1".to_string(),
        "more than 2 degrees of freedom (the variance is infinite at 2 or fewer)" => {
            "nhiều hơn 2 bậc tự do (từ 2 bậc tự do trở xuống, phương sai là vô hạn)".to_string()
        }
        _ => {
            if let Some(max) = expected
                .strip_prefix("growth and spreads within ±")
                .and_then(|r| r.strip_suffix(" percentage points"))
            {
                format!(
                    "tốc độ tăng và độ phân tán trong phạm vi ±{} điểm phần trăm",
                    vi_text_number(max)
                )
            } else if let Some(max) = expected
                .strip_prefix("a standard deviation above 0 and at most ")
                .and_then(|r| r.strip_suffix(" percentage points"))
            {
                format!(
                    "độ lệch chuẩn lớn hơn 0 và không quá {} điểm phần trăm",
                    vi_text_number(max)
                )
            } else if let Some(rest) = expected.strip_prefix("a standard deviation between 0 and ")
                && let Some((max, why)) = rest.split_once(" percentage points (")
                && let Some(why) = why.strip_suffix(')')
            {
                let why = match why {
                    "a weight is a share of GRDP; a spread beyond that says nothing is known of it" => {
                        "tỷ trọng theo giá so sánh 2010 là một phần của GRDP; độ lệch chuẩn lớn hơn mức đó nghĩa là không biết gì về tỷ trọng này"
                    }
                    "beyond it prices falling by 100% in a year stop being a one-in-a-million draw" => {
                        "lớn hơn mức này thì khả năng giá giảm 100% trong một năm vượt quá một phần triệu"
                    }
                    "a province's population grows by a point or two a year at most" => {
                        "dân số một tỉnh thường tăng không quá 1–2%/năm"
                    }
                    _ => return None,
                };
                format!(
                    "độ lệch chuẩn từ 0 đến {} điểm phần trăm ({why})",
                    vi_text_number(max)
                )
            } else {
                return None;
            }
        }
    })
}

/// A "did you mean" of [`crate::scenario::suggestion`] (`; did you mean
/// `x`?`) in Vietnamese; empty where there is none.
pub(crate) fn suggestion_vi(en: &str) -> String {
    en.strip_prefix("; did you mean `")
        .and_then(|r| r.strip_suffix("`?"))
        .map_or(String::new(), |k| format!("; có phải là `{k}`?"))
}

/// A number as the file holds it, for backticks: with its decimal point,
/// as Rust writes it, in scientific notation where very large or small
/// (`1e308`, not 309 digits).
pub(crate) fn typed(x: f64) -> String {
    if x.is_finite() && x != 0.0 && !(1e-6..1e15).contains(&x.abs()) {
        format!("{x:e}")
    } else {
        format!("{x}")
    }
}

/// A value that is not a finite number, in words.
fn not_finite(x: f64) -> &'static str {
    if x.is_nan() {
        "NaN (không phải là số)"
    } else if x > 0.0 {
        "vô cực"
    } else {
        "âm vô cực"
    }
}

/// `x` to at most `decimals` places, trailing zeros dropped, in Vietnamese
/// notation (decimal comma, thousands dots): 99,1234; 133.065.
pub(crate) fn number(x: f64, decimals: usize) -> String {
    if !x.is_finite() || (x != 0.0 && !(1e-6..1e15).contains(&x.abs())) {
        return typed(x).replace('.', ",");
    }
    let fixed = format!("{x:.decimals$}");
    let trimmed = if fixed.contains('.') {
        fixed.trim_end_matches('0').trim_end_matches('.')
    } else {
        &fixed
    };
    let trimmed = if trimmed == "-0" { "0" } else { trimmed };
    vi_text_number(trimmed)
}

/// A number written with a decimal point and no grouping (as English
/// messages and Rust's `{}` write it: `-1234.5`), rewritten in Vietnamese
/// notation (`-1.234,5`: dot thousands, decimal comma; the digits, and so
/// the unit, unchanged); text that is not such a number passes unchanged
/// but for its points, which become commas (`2.5e-3` reads `2,5e-3`).
pub fn vi_text_number(plain: &str) -> String {
    let (sign, body) = plain
        .strip_prefix('-')
        .map_or(("", plain), |rest| ("-", rest));
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    if int.is_empty()
        || !int.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
    {
        return plain.replace('.', ",");
    }
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(c);
    }
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped},{frac}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_vietnamese_notation() {
        assert_eq!(number(99.12345, 4), "99,1235");
        assert_eq!(number(100.5, 4), "100,5");
        assert_eq!(number(133_065.0, 2), "133.065");
        assert_eq!(number(-100.0, 4), "-100");
        assert_eq!(vi_text_number("1000"), "1.000");
        assert_eq!(vi_text_number("2.5e-3"), "2,5e-3");
        assert_eq!(typed(1e308), "1e308");
        assert_eq!(typed(-3.5), "-3.5");
    }

    /// A merger's four refusals, file paths kept as they are (a comma or
    /// " has " inside one, as a hostile test found, stays inside it).
    #[test]
    fn merger_refusals_in_vietnamese() {
        let refuse = |reason: &str| {
            model_error(&ModelError::Unsolvable {
                what: "the combined base".into(),
                reason: reason.into(),
            })
        };
        let cases = [
            (
                "`b, x.toml` has base year 2023, `a.toml` has 2024; expected one base year",
                "`b, x.toml` có năm xuất phát 2023, `a.toml` có năm 2024; cần cùng một năm xuất phát",
            ),
            (
                "`b.toml` has components farm, rest, `a has b.toml` has agriculture, rest; expected the same components",
                "`b.toml` có các thành phần farm, rest, `a has b.toml` có agriculture, rest; cần cùng các thành phần",
            ),
            (
                "`b.toml` counts `taxes` as kind \"value_added\", `a.toml` as \"product_taxes\"; expected the same kind in every file",
                "`b.toml` xếp `taxes` vào loại \"value_added\", `a.toml` xếp vào loại \"product_taxes\"; cần cùng một loại trong mọi tệp",
            ),
            (
                "`b.toml` has no current-price levels ([base] grdp_current_bn_vnd with share_current_pct, or current_bn_vnd); expected them for every province",
                "`b.toml` không có số liệu theo giá hiện hành ([base] grdp_current_bn_vnd cùng share_current_pct, hoặc current_bn_vnd); cần có cho mọi tỉnh",
            ),
        ];
        for (en, vi) in cases {
            let got = refuse(en).unwrap_or_else(|| panic!("no Vietnamese for: {en}"));
            assert!(got.ends_with(vi), "{got}");
        }
    }

    #[test]
    fn model_errors_in_vietnamese() {
        let cases = [
            (
                ModelError::Negative {
                    field: "base.constant_weight_pct.farming".into(),
                    value: -3.5,
                },
                "base.constant_weight_pct.farming là `-3.5`; cần một số từ 0 trở lên",
            ),
            (
                ModelError::GrowthAtOrBelowMinus100 {
                    field: "plan.2025.growth_pct.services".into(),
                    value: -100.0,
                },
                "plan.2025.growth_pct.services là -100%; cần tốc độ tăng trên -100% (một mức không thể giảm xuống 0 hay thấp hơn)",
            ),
            (
                ModelError::WeightsDoNotSumTo100 {
                    field: "base.constant_weight_pct".into(),
                    sum_pct: 99.1,
                    tolerance_pct: 0.5,
                },
                "tổng của base.constant_weight_pct là 99,1%; cần 100% (lệch không quá 0,5 điểm phần trăm). Tỷ trọng tính từ các mức đóng góp đã làm tròn hiếm khi cộng lại đúng 100: nhân mỗi tỷ trọng theo giá so sánh 2010 với 100 / 99,1, hoặc để `grdp derive` tính từ số liệu công bố và báo phần chênh lệch",
            ),
            (
                ModelError::YearsOutOfOrder {
                    field: "plan".into(),
                    year: 2027,
                    expected: 2026,
                },
                "plan: gặp năm 2027; cần năm 2026 (các năm kế hoạch nối tiếp năm xuất phát, từng năm một, không bỏ năm nào)",
            ),
            (
                ModelError::InvalidTarget {
                    id: "grdp".into(),
                    reason: "min 10 is above max 9.5; expected min ≤ max".into(),
                },
                "chỉ tiêu `grdp`: min `10` lớn hơn max `9.5`; cần min ≤ max",
            ),
            (
                ModelError::InvalidPeriodTarget {
                    id: "avg".into(),
                    reason: "direction = \"within\" needs min and max; expected a bound on the side the target points to".into(),
                },
                "chỉ tiêu giai đoạn `avg`: direction = \"within\" cần cả min và max: chỉ tiêu hướng về phía nào thì cần cận ở phía đó",
            ),
            (
                ModelError::Unsolvable {
                    what: "growth for 2031".into(),
                    reason: "the plan does not cover 2031; it covers 2025-2030".into(),
                },
                "không giải được tốc độ tăng năm 2031: kế hoạch không có năm 2031; kế hoạch gồm giai đoạn 2025-2030",
            ),
        ];
        for (e, vi) in cases {
            assert_eq!(model_error(&e).as_deref(), Some(vi), "{e}");
        }
        // A reason whose shape is unknown stays English, not half translated.
        let e = ModelError::InvalidTarget {
            id: "x".into(),
            reason: "something new".into(),
        };
        assert_eq!(model_error(&e), None);
    }

    #[test]
    fn uncertainty_errors_in_vietnamese() {
        let p = |field: &str, message: &str| UncertaintyError::InvalidParameter {
            field: field.into(),
            message: message.into(),
        };
        let c = |field: &str, message: &str| UncertaintyError::InvalidCorrelation {
            field: field.into(),
            message: message.into(),
        };
        let cases = [
            (
                p(
                    "uncertainty.growth.services.sd",
                    "found 0; expected a number greater than zero",
                ),
                "uncertainty.growth.services.sd: gặp `0`; cần một số lớn hơn 0",
            ),
            (
                p(
                    "uncertainty.growth.services.df",
                    "found 2; expected more than 2 degrees of freedom (the variance is infinite at 2 or fewer)",
                ),
                "uncertainty.growth.services.df: gặp `2`; cần nhiều hơn 2 bậc tự do (từ 2 bậc tự do trở xuống, phương sai là vô hạn)",
            ),
            (
                p(
                    "uncertainty.inputs.population_growth_sd_pp",
                    "found 50.0; expected a standard deviation between 0 and 5 percentage points (a province's population grows by a point or two a year at most)",
                ),
                "uncertainty.inputs.population_growth_sd_pp: gặp `50.0`; cần độ lệch chuẩn từ 0 đến 5 điểm phần trăm (dân số một tỉnh thường tăng không quá 1–2%/năm)",
            ),
            (
                c(
                    "uncertainty.rank_correlation[1][2]",
                    "found 0.5 but entry [2][1] is 0.4; expected a symmetric matrix",
                ),
                "uncertainty.rank_correlation[1][2]: gặp `0.5` nhưng phần tử [2][1] là `0.4`; cần một ma trận đối xứng",
            ),
            (
                p(
                    "uncertainty.preferred_view",
                    "found \"best\"; expected one of the views: plan, recent",
                ),
                "uncertainty.preferred_view: gặp \"best\"; cần một trong các kịch bản: plan, recent",
            ),
            (
                c(
                    "uncertainty.rank_correlation[2]",
                    "row 2 has 0 entries; expected 3",
                ),
                "uncertainty.rank_correlation[2]: dòng 2 có 0 phần tử; cần 3",
            ),
        ];
        for (e, vi) in cases {
            assert_eq!(uncertainty_error(&e).as_deref(), Some(vi), "{e}");
        }
        assert_eq!(
            uncertainty_error(&p("x", "found 1; expected a surprise")),
            None
        );
    }
}
