use clap::Parser;
use server::config::Settings;
use server::startup::Application;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    server::telemetry::init();
    let settings = Settings::parse();
    let app = Application::build(settings).await?;
    println!("Switchboard is listening on http://{}", app.address());
    app.run_until_stopped().await
}
