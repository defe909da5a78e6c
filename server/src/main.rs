use app::domain::OneTimePasswordLifetime;
use clap::Parser;
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
    let lifetime = OneTimePasswordLifetime::hours(settings.one_time_password_hours);
    let app = Application::build(settings).await?;
    if let Some(text) = app.first_admin().announcement(lifetime) {
        println!("{text}");
    }
    println!("Switchboard is listening on http://{}", app.address());
    app.run_until_stopped().await
}
