//! `export users|numbers`: the console's CSV exports, every page, to
//! standard output.

use app::domain::{NumberQuery, UserQuery};
use clap::{Args, ValueEnum};

use crate::client::{Api, Failure};

#[derive(Clone, Copy, ValueEnum)]
pub enum What {
    Users,
    Numbers,
}

#[derive(Args)]
pub struct Export {
    what: What,
    /// Only what matches this search, as in the console.
    #[arg(long, default_value = "")]
    search: String,
}

pub async fn run(api: &Api, args: Export) -> Result<(), Failure> {
    let path = match args.what {
        What::Users => app::links::voice_users_export(&UserQuery {
            search: args.search,
            ..UserQuery::default()
        }),
        What::Numbers => app::links::phone_numbers_export(&NumberQuery {
            search: args.search,
            ..NumberQuery::default()
        }),
    };
    api.get_to_stdout(&path).await
}
