//! fairpath reads the terms of a temporary, seasonal or circular labour-migration program written
//! in the `.fair` language, compiles them into a graph of statuses, parties and money flows, and
//! checks that model against migrant workers' rights standards written as data.
//!
//! [`check`] (or a [`Session`] for many files) runs the whole pipeline: [`syntax`] → [`model`] →
//! [`rules`] → [`report`], all reading the one [`vocab`]ulary. The command line is the binary's
//! own; the library touches no file.
//!
//! ```
//! let text = "program \"Pilot\" {\n  kind seasonal\n}\n";
//! let checked = fairpath::check("pilot.fair", text, &fairpath::Options::default()).unwrap();
//! let [violated, unstated, _, _] = checked.counts();
//! assert!(violated + unstated > 0);
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::unreachable
    )
)]

// The grammar's generated parser names `alloc` paths: pest is built without its `std` feature,
// which would probe the native stack at every rule (input nesting is bounded before parsing).
extern crate alloc;

#[cfg(feature = "proptest")]
pub mod generate;
pub mod locale;
pub mod model;
pub mod report;
pub mod rules;
mod session;
pub mod syntax;
pub mod vocab;

pub use session::{check, compile, Compiled, Options, Session};
pub use vocab::Lang;
