fn main() -> std::process::ExitCode {
    fairpath::cli::main()
}
