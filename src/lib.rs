//! fairpath reads the terms of a temporary, seasonal or circular labour-migration program written
//! in the `.fair` language, compiles them into a graph of statuses, parties and money flows, and
//! checks that model against migrant workers' rights standards written as data.
//!
//! The pipeline runs one way: [`syntax`] → [`model`] → [`rules`] → [`report`] → [`cli`], all
//! reading the one [`vocab`]ulary.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod cli;
#[cfg(feature = "proptest")]
pub mod generate;
pub mod model;
pub mod report;
pub mod rules;
pub mod syntax;
pub mod vocab;
