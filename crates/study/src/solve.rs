//! What a target needs: one component's growth, one add-on to every
//! component, or the rest of a multi-year plan.

use grdp_core::solve::{self, ComponentSolution, PeriodSolution, RestSolution, UniformSolution};
use grdp_scenario::LoadedScenario;
use serde::Serialize;

use crate::error::{ComponentRole, StudyError};

/// How much of a year a release covers (for [`Question::Remaining`]).
pub use grdp_core::quarters::KnownPart;

/// A question about what a target needs.
#[derive(Debug, Clone, PartialEq)]
pub enum Question {
    /// The growth one component needs for an aggregate target, the others as planned.
    Component {
        /// Aggregate real growth target, percent.
        target_pct: f64,
        /// The year; `None` for the first plan year.
        year: Option<i32>,
        /// The component's id.
        component: String,
    },
    /// The combined growth every component but one needs for an aggregate
    /// target, that one as planned (the economy outside agriculture).
    Rest {
        /// Aggregate real growth target, percent.
        target_pct: f64,
        /// The year; `None` for the first plan year.
        year: Option<i32>,
        /// The component held at its planned growth.
        held: String,
    },
    /// One add-on to every component's growth for an aggregate target.
    Uniform {
        /// Aggregate real growth target, percent.
        target_pct: f64,
        /// The year; `None` for the first plan year.
        year: Option<i32>,
    },
    /// What the rest of a year needs, given growth known for its first
    /// quarter, half or nine months (and what the year comes to at a stated
    /// growth of the rest).
    Remaining {
        /// The year; `None` for the first plan year.
        year: Option<i32>,
        /// How much of the year is known.
        known: grdp_core::quarters::KnownPart,
        /// Its growth on the same period of the year before, percent.
        known_growth_pct: f64,
        /// The annual target, percent, if any.
        target_pct: Option<f64>,
        /// Growth of the remaining quarters to carry the year with, percent, if any.
        then_pct: Option<f64>,
        /// The base year's quarter shares at constant prices, percent;
        /// `None` for equal quarters.
        shares: Option<grdp_core::quarters::QuarterShares>,
    },
    /// The growth the remaining years of a period need for an average.
    Period {
        /// First year of the period.
        first_year: i32,
        /// Last year of the period.
        last_year: i32,
        /// Average real growth over the period, percent a year (geometric).
        average_pct: f64,
    },
}

/// The answer, by kind of question.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Answer {
    /// What one component needs.
    Component(ComponentSolution),
    /// What every component but one needs together.
    Rest(RestSolution),
    /// What every component needs on top of the plan.
    Uniform(UniformSolution),
    /// What the remaining years of a period need.
    Period(PeriodSolution),
    /// What the rest of a year needs.
    Remaining(grdp_core::quarters::RemainingSolution),
}

/// Answers `question` for the scenario.
pub fn solve(loaded: &LoadedScenario, question: &Question) -> Result<Answer, StudyError> {
    let s = &loaded.scenario;
    let year = |y: Option<i32>| {
        y.or_else(|| s.plan().years().first().map(|p| p.year))
            .ok_or(StudyError::NoPlanYear)
    };
    let known_component = |id: &String, role: ComponentRole| {
        if s.economy().index_of(id).is_some() {
            return Ok(());
        }
        Err(StudyError::UnknownComponent {
            role,
            id: id.clone(),
            known: s
                .economy()
                .components()
                .iter()
                .map(|c| c.id.clone())
                .collect(),
        })
    };
    Ok(match question {
        Question::Rest {
            target_pct,
            year: y,
            held,
        } => {
            known_component(held, ComponentRole::SolveAllBut)?;
            Answer::Rest(solve::rest_for_target(
                s.economy(),
                s.plan(),
                year(*y)?,
                *target_pct,
                held,
            )?)
        }
        Question::Component {
            target_pct,
            year: y,
            component,
        } => {
            known_component(component, ComponentRole::Solve)?;
            Answer::Component(solve::component_for_target(
                s.economy(),
                s.plan(),
                year(*y)?,
                *target_pct,
                component,
            )?)
        }
        Question::Uniform {
            target_pct,
            year: y,
        } => Answer::Uniform(solve::uniform_for_target(
            s.economy(),
            s.plan(),
            year(*y)?,
            *target_pct,
        )?),
        Question::Remaining {
            year: y,
            known,
            known_growth_pct,
            target_pct,
            then_pct,
            shares,
        } => {
            let shares = shares.unwrap_or(grdp_core::quarters::QuarterShares::EQUAL);
            Answer::Remaining(grdp_core::quarters::remaining(
                year(*y)?,
                &shares,
                *known,
                *known_growth_pct,
                *target_pct,
                *then_pct,
            )?)
        }
        // Known outcomes only: the plan's years are what is being solved for.
        Question::Period {
            first_year,
            last_year,
            average_pct,
        } => Answer::Period(solve::period_average(
            *first_year,
            *last_year,
            *average_pct,
            s.outcomes(),
        )?),
    })
}
