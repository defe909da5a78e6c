//! switchboard-cli: what admins script with Teams PowerShell, against a
//! Switchboard server, signed in with an API token (My profile > API
//! tokens). Exit codes: 0 done; 1 refused by the rules or the data
//! (violations printed); 2 usage; 3 not signed in or not allowed; 4 the
//! server or the network failed.

mod assignments;
mod client;
mod export;
mod import;
mod locations;
mod numbers;
mod output;
mod users;

use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use client::{Api, Failure};
use output::Format;

#[derive(Parser)]
#[command(
    name = "switchboard-cli",
    version,
    about = "Switchboard from the command line: voice users, numbers and assignments."
)]
struct Cli {
    /// The server, e.g. https://switchboard.contoso.com.
    #[arg(long, env = "SWITCHBOARD_URL", global = true)]
    url: Option<String>,
    /// An API token (My profile > API tokens). Prefer the variable: a flag
    /// shows in the process list.
    #[arg(long, env = "SWITCHBOARD_TOKEN", global = true, hide_env_values = true)]
    token: Option<String>,
    /// Print JSON, as the API answers it.
    #[arg(long, global = true, conflicts_with = "csv")]
    json: bool,
    /// Print CSV with a header line.
    #[arg(long, global = true)]
    csv: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Voice users: list and show.
    #[command(subcommand)]
    Users(users::UsersCommand),
    /// Phone numbers: list.
    #[command(subcommand)]
    Numbers(numbers::NumbersCommand),
    /// Emergency locations.
    #[command(subcommand)]
    Locations(locations::LocationsCommand),
    /// Assigns a number and its emergency location to a user.
    Assign(assignments::Assign),
    /// Changes a user's number, emergency location or both.
    Change(assignments::Change),
    /// Removes the assigned number of one or more users, all or none.
    Remove(assignments::Remove),
    /// Imports a CSV file (the console's Import): all lines or none.
    Import(import::Import),
    /// Exports voice users or phone numbers as CSV, every page.
    Export(export::Export),
    /// Undoes a change set (`Recent changes`), itself a new change set.
    Undo(Undo),
}

#[derive(Args)]
struct Undo {
    /// The change set's number.
    change_set: i64,
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    let format = match (cli.json, cli.csv) {
        (true, _) => Format::Json,
        (_, true) => Format::Csv,
        _ => Format::Table,
    };
    let result = match Api::new(cli.url.as_deref(), cli.token.as_deref()) {
        Ok(api) => run(&api, cli.command, format).await,
        Err(failure) => Err(failure),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            failure.print();
            ExitCode::from(failure.exit_code())
        }
    }
}

async fn run(api: &Api, command: Command, format: Format) -> Result<(), Failure> {
    match command {
        Command::Users(c) => users::run(api, c, format).await,
        Command::Numbers(c) => numbers::run(api, c, format).await,
        Command::Locations(c) => locations::run(api, c, format).await,
        Command::Import(i) => import::run(api, i, format).await,
        Command::Export(e) => export::run(api, e).await,
        Command::Assign(a) => assignments::assign(api, a, format).await,
        Command::Change(c) => assignments::change(api, c, format).await,
        Command::Remove(r) => assignments::remove(api, r, format).await,
        Command::Undo(u) => assignments::undo(api, u.change_set, format).await,
    }
}
