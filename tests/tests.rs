//! Integration tests of the `grdp` binary: one test binary, modules by theme.

mod backtest;
mod bad_input;
mod batch;
mod cantho_2026;
mod cli;
mod combine;
mod contract;
mod corpus;
mod derive;
mod files;
mod golden;
mod help;
mod interrupt;
mod investment;
mod quarters;
mod report;
mod simulate;
mod util;
