//! The progress bar of long runs: on stderr, only on a terminal, and only
//! once a run has lasted a second.

use std::io::IsTerminal;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// A progress bar that appears once the work has lasted a second.
pub struct Progress {
    enabled: bool,
    state: Mutex<State>,
}

struct State {
    start: Instant,
    bar: Option<indicatif::ProgressBar>,
}

impl Progress {
    /// A bar, unless `quiet` or stderr is not a terminal.
    pub fn new(quiet: bool) -> Self {
        Self {
            enabled: !quiet && std::io::stderr().is_terminal(),
            state: Mutex::new(State {
                start: Instant::now(),
                bar: None,
            }),
        }
    }

    /// Moves the bar to `done` of `planned` scenarios.
    pub fn update(&self, done: u64, planned: u64) {
        if !self.enabled {
            return;
        }
        let Ok(mut st) = self.state.lock() else {
            return;
        };
        if st.bar.is_none() && st.start.elapsed() > Duration::from_secs(1) {
            let bar = indicatif::ProgressBar::new(planned);
            let template = crate::args::in_lang(
                "{bar:40} {pos}/{len} draws, {eta} left".into(),
                "{bar:40} {pos}/{len} lần mô phỏng, còn {eta}".into(),
            );
            if let Ok(style) = indicatif::ProgressStyle::with_template(&template) {
                bar.set_style(style);
            }
            st.bar = Some(bar);
        }
        if let Some(b) = &st.bar {
            b.set_position(done);
        }
    }

    /// Removes the bar.
    pub fn clear(&self) {
        if let Ok(st) = self.state.lock()
            && let Some(b) = &st.bar
        {
            b.finish_and_clear();
        }
    }
}
