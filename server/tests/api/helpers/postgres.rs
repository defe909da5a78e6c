//! The API tests on PostgreSQL: with `SWITCHBOARD_TEST_PG` set to a
//! server's URL (e.g. `postgres://switchboard@127.0.0.1:5433/postgres`,
//! what `scripts/pg.sh start` prints), every data folder a test makes gets
//! a database of its own on that server, named in the folder's
//! `database-url` file, which the test settings then use; templates are
//! databases too, copied with `CREATE DATABASE … TEMPLATE`.

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use sqlx::{Connection, Executor};

/// The file in a data folder that names its PostgreSQL database.
const URL_FILE: &str = "database-url";

/// The PostgreSQL server the tests run on, if any.
pub fn server() -> Option<String> {
    std::env::var("SWITCHBOARD_TEST_PG")
        .ok()
        .filter(|url| !url.is_empty())
}

/// The URL of the database `folder` has, if it has one.
pub fn url_in(folder: &Path) -> Option<String> {
    std::fs::read_to_string(folder.join(URL_FILE)).ok()
}

/// Gives `folder` a new database on `server`: empty, or a copy of
/// `template`. Returns its name.
pub fn give_database(server: &str, folder: &Path, template: Option<&str>) -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let name = format!(
        "sbtest_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    );
    let statement = match template {
        Some(template) => format!("CREATE DATABASE {name} TEMPLATE {template}"),
        None => format!("CREATE DATABASE {name}"),
    };
    run_on_server(server, vec![statement]);
    std::fs::write(folder.join(URL_FILE), database_url(server, &name))
        .expect("naming the folder's database");
    name
}

/// Ends every session on database `name` (the app's, once it has stopped),
/// so it can be copied as a template.
pub fn disconnect_all(server: &str, name: &str) {
    run_on_server(
        server,
        vec![format!(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
             WHERE datname = '{name}' AND pid <> pg_backend_pid()"
        )],
    );
}

/// `server`'s URL with database `name` in place of its own.
fn database_url(server: &str, name: &str) -> String {
    let base = server.rsplit_once('/').map_or(server, |(base, _)| base);
    format!("{base}/{name}")
}

/// Runs `statements` on `server`, from a thread of its own: tests call
/// this from inside their runtime, and from outside any.
fn run_on_server(server: &str, statements: Vec<String>) {
    let server = server.to_owned();
    std::thread::spawn(move || {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a runtime")
            .block_on(async move {
                sqlx::any::install_default_drivers();
                let mut conn = sqlx::AnyConnection::connect(&server)
                    .await
                    .unwrap_or_else(|e| panic!("connecting to {server}: {e}"));
                for statement in statements {
                    conn.execute(sqlx::AssertSqlSafe(statement.clone()))
                        .await
                        .unwrap_or_else(|e| panic!("{statement}: {e}"));
                }
                let _ = conn.close().await;
            })
    })
    .join()
    .expect("running statements on the PostgreSQL server");
}
