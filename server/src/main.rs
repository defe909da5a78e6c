use clap::Parser;
use server::accounts::FirstAdmin;
use server::config::Settings;
use server::startup::Application;

fn main() -> anyhow::Result<()> {
    server::allocator::return_large_blocks();
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?
        .block_on(serve())
}

async fn serve() -> anyhow::Result<()> {
    server::telemetry::init();
    let settings = Settings::parse();
    let app = Application::build(settings).await?;
    match app.first_admin() {
        FirstAdmin::Generated { username, password } => println!(
            "\nFirst administrator created. Sign in as '{username}' with the one-time password\n\n    {password}\n\nand choose a new one. This password is shown only once.\n"
        ),
        FirstAdmin::Created { username } => {
            println!("First administrator '{username}' created with the given password.")
        }
        FirstAdmin::Existing => {}
    }
    println!("Switchboard is listening on http://{}", app.address());
    app.run_until_stopped().await
}
