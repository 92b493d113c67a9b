//! `jixiao`: the command-line entry.

fn main() {
    std::process::exit(jixiao::cli::run());
}
