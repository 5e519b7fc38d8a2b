//! The errors the model reports when its inputs do not make sense.

/// Why the model refused its inputs or could not solve a question.
///
/// Every variant names the offending field (as a dotted path such as
/// `plan.2025.growth_pct.services`) and the value found, so that the
/// loaders can point the user at the right line.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ModelError {
    /// The economy was given no components.
    #[error("the economy has no components; at least one is needed")]
    NoComponents,
    /// A component id is empty or blank.
    #[error(
        "component number {position} has an empty id; expected a short name such as `services`"
    )]
    EmptyComponentId {
        /// 1-based position of the component in its list.
        position: usize,
    },
    /// The same component id appears twice.
    #[error("component `{id}` is listed more than once; expected each id once")]
    DuplicateComponent {
        /// The repeated id.
        id: String,
    },
    /// A field refers to a component the economy does not have.
    #[error("{field} names unknown component `{id}`; expected one of: {known}")]
    UnknownComponent {
        /// Where the unknown id was found.
        field: String,
        /// The unknown id.
        id: String,
        /// The known ids, comma separated.
        known: String,
    },
    /// A per-component field lacks a value for some component.
    #[error("{field} has no value for component `{id}`; expected one value per component")]
    MissingComponent {
        /// The incomplete field.
        field: String,
        /// The component left without a value.
        id: String,
    },
    /// A vector has the wrong number of entries.
    #[error("{field} has {found} values; expected {expected}, one per component")]
    WrongLength {
        /// The field.
        field: String,
        /// Entries found.
        found: usize,
        /// Entries expected.
        expected: usize,
    },
    /// A number is NaN or infinite.
    #[error("{field} is {value}; expected a finite number")]
    NotFinite {
        /// The field.
        field: String,
        /// The value found.
        value: f64,
    },
    /// A level (billion VND, thousand persons, a weight) is zero or negative.
    #[error("{field} is {value}; expected a number greater than zero")]
    NotPositive {
        /// The field.
        field: String,
        /// The value found.
        value: f64,
    },
    /// A weight or share is negative.
    #[error("{field} is {value}; expected a number of zero or more")]
    Negative {
        /// The field.
        field: String,
        /// The value found.
        value: f64,
    },
    /// A growth rate at or below -100 %, which would make a level zero or negative.
    #[error(
        "{field} is {value}%; expected growth above -100% (a level cannot fall to zero or below)"
    )]
    GrowthAtOrBelowMinus100 {
        /// The field.
        field: String,
        /// The growth rate found, in percent.
        value: f64,
    },
    /// Constant-price weights that do not add up to 100 %: usually weights
    /// worked out from rounded contributions, not yet normalised.
    #[error(
        "{field} sums to {sum_pct:.4}%; expected 100% (within {tolerance_pct} percentage points). Weights worked out from rounded contributions rarely sum to exactly 100: scale each by 100 / {sum_pct:.4}, or let `grdp derive` do it from the release and report the residual"
    )]
    WeightsDoNotSumTo100 {
        /// The field.
        field: String,
        /// The sum found, in percent.
        sum_pct: f64,
        /// The accepted distance from 100, in percentage points.
        tolerance_pct: f64,
    },
    /// Quarter shares of a year that do not add up to 100 %, beyond what
    /// rounding to one decimal explains.
    #[error(
        "the quarter shares sum to {sum_pct:.2}%; expected 100% (within {tolerance_pct} percentage points, the most four shares rounded to one decimal can be off): is one of them mistyped?"
    )]
    QuarterSharesDoNotSumTo100 {
        /// The sum found, in percent.
        sum_pct: f64,
        /// The accepted distance from 100, in percentage points.
        tolerance_pct: f64,
    },
    /// Plan years do not follow the base year one by one.
    #[error(
        "{field}: found year {year}; expected {expected} (plan years follow the base year one by one, without gaps)"
    )]
    YearsOutOfOrder {
        /// The field.
        field: String,
        /// The year found.
        year: i32,
        /// The year expected at that place.
        expected: i32,
    },
    /// A known outcome is dated after the base year, where the plan begins.
    #[error(
        "{field}: year {year} is after the base year {base_year}; expected outcomes up to the base year (later years belong in the plan)"
    )]
    OutcomeAfterBase {
        /// The field.
        field: String,
        /// The year found.
        year: i32,
        /// The base year.
        base_year: i32,
    },
    /// The same year is given twice.
    #[error("{field}: year {year} is given more than once; expected each year once")]
    DuplicateYear {
        /// The field.
        field: String,
        /// The repeated year.
        year: i32,
    },
    /// A target is malformed (no bound, minimum above maximum, unknown year).
    #[error("target `{id}`: {reason}")]
    InvalidTarget {
        /// The target's id.
        id: String,
        /// What is wrong.
        reason: String,
    },
    /// The `[investment]` block is malformed: growth without a base, a
    /// base without growth, nothing to judge by, bounds reversed, a year
    /// not in the plan. The reason starts with `[investment]`.
    #[error("{reason}")]
    InvalidInvestment {
        /// What is wrong, and what was expected.
        reason: String,
    },
    /// A period target (average growth over years) is malformed: no bound,
    /// minimum above maximum, last year before first.
    #[error("period target `{id}`: {reason}")]
    InvalidPeriodTarget {
        /// The period target's id.
        id: String,
        /// What is wrong.
        reason: String,
    },
    /// A solver was asked something with no answer.
    #[error("cannot solve {what}: {reason}")]
    Unsolvable {
        /// The question.
        what: String,
        /// Why it has no answer.
        reason: String,
    },
}

impl ModelError {
    /// The dotted path of the field at fault, where the error has one
    /// (`base.current_bn_vnd.services`, `plan.2025.growth_pct.services`,
    /// `target.grdp_growth`). Loaders use it to point at a line.
    pub fn field(&self) -> Option<String> {
        match self {
            ModelError::UnknownComponent { field, .. }
            | ModelError::MissingComponent { field, .. }
            | ModelError::WrongLength { field, .. }
            | ModelError::NotFinite { field, .. }
            | ModelError::NotPositive { field, .. }
            | ModelError::Negative { field, .. }
            | ModelError::GrowthAtOrBelowMinus100 { field, .. }
            | ModelError::WeightsDoNotSumTo100 { field, .. }
            | ModelError::YearsOutOfOrder { field, .. }
            | ModelError::DuplicateYear { field, .. }
            | ModelError::OutcomeAfterBase { field, .. } => Some(field.clone()),
            ModelError::DuplicateComponent { id } => Some(format!("components.{id}")),
            ModelError::InvalidTarget { id, .. } => Some(format!("target.{id}")),
            ModelError::InvalidInvestment { .. } => Some("investment".into()),
            ModelError::InvalidPeriodTarget { id, .. } => Some(format!("period_target.{id}")),
            ModelError::NoComponents
            | ModelError::EmptyComponentId { .. }
            | ModelError::QuarterSharesDoNotSumTo100 { .. }
            | ModelError::Unsolvable { .. } => None,
        }
    }
}

/// Checks that `value` is finite, naming `field` otherwise.
pub(crate) fn finite(field: impl FnOnce() -> String, value: f64) -> Result<f64, ModelError> {
    if value.is_finite() {
        Ok(value)
    } else {
        Err(ModelError::NotFinite {
            field: field(),
            value,
        })
    }
}

/// Checks that `value` is finite and greater than zero.
pub(crate) fn positive(field: impl Fn() -> String, value: f64) -> Result<f64, ModelError> {
    finite(&field, value)?;
    if value > 0.0 {
        Ok(value)
    } else {
        Err(ModelError::NotPositive {
            field: field(),
            value,
        })
    }
}

/// Checks that a growth rate in percent is finite and above -100 %.
pub(crate) fn growth_pct(field: impl Fn() -> String, value: f64) -> Result<f64, ModelError> {
    finite(&field, value)?;
    if value > -100.0 {
        Ok(value)
    } else {
        Err(ModelError::GrowthAtOrBelowMinus100 {
            field: field(),
            value,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_is_send_sync_and_static() {
        fn assert_bounds<T: Send + Sync + 'static>() {}
        assert_bounds::<ModelError>();
    }

    #[test]
    fn growth_check_names_field_and_value() {
        let err = growth_pct(|| "plan.2025.growth_pct.services".into(), -100.0).unwrap_err();
        let text = err.to_string();
        assert!(text.contains("plan.2025.growth_pct.services"), "{text}");
        assert!(text.contains("-100%"), "{text}");
    }
}
