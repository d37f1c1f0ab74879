//! The `fairpath` command line. Only it touches the file system.
#![forbid(unsafe_code)]
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

mod cli;

/// The allocator: a program's check allocates many small, short-lived values.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[cfg(feature = "lsp")]
mod lsp;

fn main() -> std::process::ExitCode {
    cli::main()
}
