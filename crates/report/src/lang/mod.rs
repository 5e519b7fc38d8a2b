//! Words and numbers in English and Vietnamese: table labels, and numbers
//! written the way each language writes them.

use grdp_scenario::LoadedScenario;

mod labels;
mod phrases;

pub use labels::{EN, Labels, VI};
pub(crate) use phrases::given_decimals;
pub use phrases::{BoundStyle, LabelStyle};

/// The language of names, headers and sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Tiếng Việt.
    Vi,
}

impl Lang {
    /// The labels of this language.
    pub fn labels(self) -> &'static Labels {
        match self {
            Lang::En => &EN,
            Lang::Vi => &VI,
        }
    }

    /// The scenario's display name.
    pub fn scenario_name(self, scenario: &LoadedScenario) -> &str {
        match self {
            Lang::En => &scenario.meta.name,
            Lang::Vi => &scenario.meta.name_vi,
        }
    }

    /// Which estimates the scenario uses, of when (its `vintage`, or
    /// `vintage_vi` in Vietnamese where given, else the English), if it
    /// says, and whether it is in the other language; blank text says
    /// nothing. Without a closing full stop, which a sentence adds.
    pub fn scenario_vintage(self, scenario: &LoadedScenario) -> Option<(String, bool)> {
        let given = |t: &Option<String>| {
            t.as_deref()
                .map(|v| v.trim().trim_end_matches('.').trim_end().to_string())
                .filter(|v| !v.is_empty())
        };
        let meta = &scenario.meta;
        match self {
            Lang::En => given(&meta.vintage).map(|v| (v, false)),
            Lang::Vi => given(&meta.vintage_vi)
                .map(|v| (v, false))
                .or_else(|| given(&meta.vintage).map(|en| (en, true))),
        }
    }

    /// The name of a table read, as a sentence gives it: the built-in
    /// provincial table's ("built-in table data/provinces/provinces.csv")
    /// in the language, an office's own file as its path.
    pub fn table_origin(self, origin: &str) -> String {
        if self == Lang::Vi && origin == grdp_scenario::builtin::PROVINCES_ORIGIN {
            "bảng có sẵn trong chương trình, data/provinces/provinces.csv".to_string()
        } else {
            origin.to_string()
        }
    }

    /// A sector's name inside a sentence or a list: lower case first
    /// ("khu vực dịch vụ"), a name that opens with an abbreviation
    /// ("GRDP", "CNTT") kept. [`Lang::in_sentence`] applies it in
    /// Vietnamese; a list of the economy's own sectors in either language.
    pub fn lower_initial(name: &str) -> String {
        let mut chars = name.chars();
        match (chars.next(), chars.next()) {
            (Some(first), Some(second)) if first.is_uppercase() && second.is_lowercase() => {
                first.to_lowercase().chain(name.chars().skip(1)).collect()
            }
            _ => name.to_string(),
        }
    }

    /// A component's display name.
    pub fn component_name(self, scenario: &LoadedScenario, index: usize) -> &str {
        scenario.names.get(index).map_or("?", |n| match self {
            Lang::En => n.en.as_str(),
            Lang::Vi => n.vi.as_str(),
        })
    }

    /// A name as it stands inside a sentence. Vietnamese writes a sector's
    /// name in lower case there ("khu vực dịch vụ đóng góp nhiều nhất");
    /// a name that opens with an abbreviation ("GRDP", "CNTT") is kept.
    /// English names are kept as given.
    pub fn in_sentence(self, name: &str) -> String {
        match self {
            Lang::Vi => Self::lower_initial(name),
            Lang::En => name.to_string(),
        }
    }

    /// A component's display name by its id; the id itself when the
    /// scenario has no component of that id.
    pub fn component_name_of<'a>(self, scenario: &'a LoadedScenario, id: &'a str) -> &'a str {
        scenario
            .scenario
            .economy()
            .index_of(id)
            .map_or(id, |i| self.component_name(scenario, i))
    }

    /// A view's display name.
    pub fn view_name(self, view: &grdp_core::uncertainty::View) -> &str {
        match self {
            Lang::En => &view.name_en,
            Lang::Vi => &view.name_vi,
        }
    }

    /// A number with `decimals` decimals and grouped thousands, in this
    /// language's convention: 151,548.25 in English, 151.548,25 in Vietnamese.
    /// From 10¹⁵ in absolute value (beyond any economy's figure in billion
    /// VND: a typing slip or a runaway growth rate) in short scientific
    /// notation, 1.00e300, not three hundred digits.
    pub fn num(self, value: f64, decimals: usize) -> String {
        if !value.is_finite() {
            return value.to_string();
        }
        let (group, point) = match self {
            Lang::En => (',', '.'),
            Lang::Vi => ('.', ','),
        };
        if value.abs() >= 1e15 {
            let sign = if value < 0.0 { "−" } else { "" };
            return format!("{sign}{:.2e}", value.abs()).replace('.', &point.to_string());
        }
        let text = format!("{:.*}", decimals, value.abs());
        let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
        let mut grouped = String::new();
        for (i, ch) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                grouped.push(group);
            }
            grouped.push(ch);
        }
        let negative = value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0');
        let mut out = String::new();
        if negative {
            out.push('−');
        }
        out.push_str(&grouped);
        if !frac.is_empty() {
            out.push(point);
            out.push_str(frac);
        }
        out
    }

    /// `value` as [`num`](Self::num) prints it, with up to four more
    /// decimals where `decimals` would print it as one of `references` (a
    /// target's bounds, or a margin's zero) though it differs from it: a
    /// missed target's 9.4996 % against a bound of 9.50 % reads 9.4996, and
    /// its margin −0.0004, not 9.50 and 0.00 beside "missed". Still the same
    /// at four more decimals, the difference is arithmetic residue and the
    /// value is printed at `decimals`.
    pub fn num_apart(self, value: f64, references: &[f64], decimals: usize) -> String {
        for d in decimals..=decimals + 4 {
            let text = self.num(value, d);
            if references
                .iter()
                .all(|&r| r.total_cmp(&value).is_eq() || self.num(r, d) != text)
            {
                return text;
            }
        }
        self.num(value, decimals)
    }

    /// A target's projected `value` against its `bound`, with the decimals
    /// that tell it from the bound's ends ([`num_apart`](Self::num_apart)).
    pub fn num_against(
        self,
        value: f64,
        bound: &grdp_core::targets::Bound,
        decimals: usize,
    ) -> String {
        let ends: Vec<f64> = [bound.min, bound.max].into_iter().flatten().collect();
        self.num_apart(value, &ends, decimals)
    }

    /// An optional number, or the "not available" mark.
    pub fn opt(self, value: Option<f64>, decimals: usize) -> String {
        value.map_or_else(
            || self.labels().unknown_value.to_string(),
            |v| self.num(v, decimals),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two items with "and"; three with commas; Vietnamese numbers with a
    /// decimal comma parted by semicolons.
    #[test]
    fn lists_read_as_lists_in_either_language() {
        let items = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            Lang::En.and_list(&items(&["1.78", "2.92"])),
            "1.78 and 2.92"
        );
        assert_eq!(
            Lang::En.and_list(&items(&["1", "1.44", "3"])),
            "1, 1.44 and 3"
        );
        assert_eq!(Lang::Vi.and_list(&items(&["1,78", "2,92"])), "1,78 và 2,92");
        assert_eq!(
            Lang::Vi.and_list(&items(&["1", "1,44", "2,61", "3"])),
            "1; 1,44; 2,61 và 3"
        );
        assert_eq!(
            Lang::Vi.and_list(&items(&["An Giang", "Cà Mau", "Đồng Tháp"])),
            "An Giang, Cà Mau và Đồng Tháp"
        );
        assert_eq!(Lang::En.and_list(&items(&["x"])), "x");
    }

    #[test]
    fn a_value_that_rounds_onto_its_bound_gets_the_decimals_that_tell_them_apart() {
        // 9.4996 % against a floor of 9.5 %: 9.50 and 9.500 would print
        // the bound, 9.4996 does not (worked by hand).
        assert_eq!(Lang::En.num_apart(9.4996, &[9.5], 2), "9.4996");
        assert_eq!(Lang::Vi.num_apart(9.4996, &[9.5], 2), "9,4996");
        // Its margin, −0.0004 points: 0.00 and 0.000 would read as none.
        assert_eq!(Lang::En.num_apart(-0.0004, &[0.0], 2), "−0.0004");
        // A range's upper end: 31.0904 against 31.04–31.09 at three decimals.
        assert_eq!(Lang::En.num_apart(31.0904, &[31.04, 31.09], 3), "31.0904");
        // Apart already, or the same: as `decimals` prints it.
        assert_eq!(Lang::En.num_apart(9.48, &[9.5], 2), "9.48");
        assert_eq!(Lang::En.num_apart(9.5, &[9.5], 2), "9.50");
        // Arithmetic residue (10⁻¹²) is no difference.
        assert_eq!(Lang::En.num_apart(2.56 - 1e-12, &[2.56], 2), "2.56");
        assert_eq!(Lang::En.num_apart(-1e-12, &[0.0], 2), "0.00");
    }

    #[test]
    fn an_amount_keeps_two_significant_figures_at_any_size() {
        // Worked by hand: 8,218.4 → 8,200; 9,721 → 9,700; 27.3 → 27;
        // 0.0243 → 0.024 (was "0", an amount that had vanished).
        assert_eq!(Lang::En.two_significant(8_218.4), "8,200");
        assert_eq!(Lang::Vi.two_significant(9_721.0), "9.700");
        assert_eq!(Lang::En.two_significant(27.3), "27");
        assert_eq!(Lang::En.two_significant(0.0243), "0.024");
        assert_eq!(Lang::Vi.two_significant(0.0243), "0,024");
        assert_eq!(Lang::En.two_significant(-0.55), "−0.55");
        // Three: 136,627.9 → 137,000; 146,875.0 → 147,000.
        assert_eq!(Lang::En.significant(136_627.9, 3), "137,000");
        assert_eq!(Lang::Vi.significant(146_875.0, 3), "147.000");
    }

    #[test]
    fn a_name_inside_a_vietnamese_sentence_is_in_lower_case() {
        assert_eq!(Lang::Vi.in_sentence("Dịch vụ"), "dịch vụ");
        assert_eq!(
            Lang::Vi.in_sentence("Nông, lâm nghiệp và thủy sản"),
            "nông, lâm nghiệp và thủy sản"
        );
        // An abbreviation, a one-letter name and English are kept.
        assert_eq!(
            Lang::Vi.in_sentence("CNTT và truyền thông"),
            "CNTT và truyền thông"
        );
        assert_eq!(Lang::Vi.in_sentence("A"), "A");
        assert_eq!(Lang::En.in_sentence("Services"), "Services");
        // Đ lowers to đ.
        assert_eq!(Lang::Vi.in_sentence("Đô thị"), "đô thị");
    }

    #[test]
    fn a_given_figure_keeps_its_decimals() {
        // Targets as the files give them: rounding 9.318 to two decimals
        // made the range 9.318-9.32 read "9.32"; --target 0.095 read "0.1".
        assert_eq!(Lang::En.given_num(9.318), "9.318");
        assert_eq!(Lang::Vi.given_num(9.318), "9,318");
        assert_eq!(Lang::En.given_num(0.095), "0.095");
        assert_eq!(Lang::En.given_num(9.5), "9.5");
        assert_eq!(Lang::En.given_num(113.0), "113");
        assert_eq!(Lang::En.given_num(1_234.5), "1,234.5");
        // Float noise is not a decimal; past four decimals, four.
        assert_eq!(Lang::En.given_num(9.5 + 1e-12), "9.5");
        assert_eq!(Lang::En.given_num(1.0 / 3.0), "0.3333");
        assert_eq!(Lang::En.given_num(-2.79), "−2.79");
        // Below 10⁻⁴, where four decimals would print 0: scientific.
        assert_eq!(Lang::En.given_num(1e-7), "1e−7");
        assert_eq!(Lang::Vi.given_num(2.5e-5), "2,5e−5");
    }

    #[test]
    fn numbers_follow_each_language() {
        assert_eq!(Lang::En.num(151548.254, 2), "151,548.25");
        assert_eq!(Lang::Vi.num(151548.254, 2), "151.548,25");
        assert_eq!(Lang::En.num(-0.0549, 2), "−0.05");
        assert_eq!(Lang::En.num(-0.001, 2), "0.00");
        assert_eq!(Lang::Vi.num(9.5, 1), "9,5");
        assert_eq!(Lang::En.num(100.0, 0), "100");
        // Beyond 10¹⁵: scientific, the language's decimal mark.
        assert_eq!(Lang::En.num(1e300, 0), "1.00e300");
        assert_eq!(Lang::Vi.num(-2.5e16, 2), "−2,50e16");
        assert_eq!(
            Lang::En.num(999_999_999_999_999.0, 0),
            "999,999,999,999,999"
        );
    }
}
