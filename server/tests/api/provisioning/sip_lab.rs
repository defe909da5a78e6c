//! A SIP lab on loopback for the tests: Kamailio with the repository's
//! configuration (`kamailio/switchboard.cfg`), phones that register and
//! answer (SIPp's UAS), and calls placed through Kamailio (SIPp's UAC with
//! the scenarios in `kamailio/sipp/`). Every process is in a process group
//! of its own, killed with it when dropped.

use std::net::UdpSocket;
use std::path::PathBuf;
use std::process::{ExitStatus, Stdio};
use std::time::{Duration, Instant};

use tempfile::TempDir;
use tokio::process::{Child, Command};

fn repo(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(path)
}

/// A port the system has free now (UDP and, almost surely, TCP).
fn free_port() -> u16 {
    let socket = UdpSocket::bind("127.0.0.1:0").expect("binding a free port");
    socket.local_addr().unwrap().port()
}

fn spawn(command: &mut Command, what: &str) -> Child {
    command
        .process_group(0)
        .stdin(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .unwrap_or_else(|e| {
            panic!("starting {what} failed ({e}): install it with scripts/setup.sh")
        })
}

/// Kills `child`'s whole process group: Kamailio's workers are its forks.
fn kill_group(child: &mut Child) {
    if let Some(pid) = child.id() {
        // SAFETY: a plain syscall on a process group this test started.
        unsafe {
            libc::killpg(pid as i32, libc::SIGKILL);
        }
    }
}

pub struct Kamailio {
    folder: TempDir,
    pub sip_port: u16,
    pub rpc_port: u16,
    child: Option<Child>,
}

impl Kamailio {
    pub async fn start() -> Kamailio {
        let mut lab = Kamailio {
            folder: tempfile::tempdir().expect("a folder for Kamailio"),
            sip_port: free_port(),
            rpc_port: free_port(),
            child: None,
        };
        lab.run().await;
        lab
    }

    pub fn rpc_url(&self) -> String {
        format!("http://127.0.0.1:{}/RPC", self.rpc_port)
    }

    pub fn sip_address(&self) -> String {
        format!("127.0.0.1:{}", self.sip_port)
    }

    /// Starts Kamailio (again) on the same ports, and waits until its
    /// JSON-RPC answers: a restart loses its routes and registrations.
    pub async fn run(&mut self) {
        let dir = self.folder.path();
        let log = std::fs::File::create(dir.join("kamailio.log")).unwrap();
        let child = spawn(
            Command::new("kamailio")
                .arg("-f")
                .arg(repo("kamailio/switchboard.cfg"))
                .args(["-DD", "-E", "-M", "32"])
                .args(["-A", &format!("SIP_PORT={}", self.sip_port)])
                .args(["-A", &format!("RPC_PORT={}", self.rpc_port)])
                .arg("-Y")
                .arg(dir)
                .arg("-w")
                .arg(dir)
                .stdout(Stdio::null())
                .stderr(log),
            "kamailio",
        );
        self.child = Some(child);
        let http = reqwest::Client::new();
        let started = Instant::now();
        loop {
            let answer = http
                .post(self.rpc_url())
                .body(r#"{"jsonrpc":"2.0","method":"core.version","id":1}"#)
                .timeout(Duration::from_secs(1))
                .send()
                .await;
            if answer.is_ok_and(|a| a.status().is_success()) {
                return;
            }
            let log = std::fs::read_to_string(dir.join("kamailio.log")).unwrap_or_default();
            assert!(
                started.elapsed() < Duration::from_secs(15),
                "Kamailio did not start: {log}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub async fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            kill_group(&mut child);
            let _ = child.wait().await;
        }
    }

    /// Calls `number` through Kamailio with the scenario `scenario`
    /// (`call-answered` or `call-refused`): whether it went as the
    /// scenario expects.
    pub async fn call(&self, number: &str, scenario: &str) -> bool {
        let status = sipp(&[
            "-sf",
            &repo(&format!("kamailio/sipp/{scenario}.xml")).to_string_lossy(),
            "-s",
            number,
            &self.sip_address(),
            "-p",
            &free_port().to_string(),
            "-m",
            "1",
            "-timeout",
            "10",
        ])
        .await;
        status.success()
    }
}

impl Drop for Kamailio {
    fn drop(&mut self) {
        if let Some(child) = self.child.as_mut() {
            kill_group(child);
        }
    }
}

/// Runs SIPp to the end on loopback, quietly.
async fn sipp(args: &[&str]) -> ExitStatus {
    spawn(
        Command::new("sipp")
            .args(["-i", "127.0.0.1", "-nostdin", "-trace_err"])
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::null()),
        "sipp (Debian's sip-tester)",
    )
    .wait()
    .await
    .expect("waiting for sipp")
}

/// A user's phone: a SIPp UAS answering every call on a port of its own.
pub struct Phone {
    port: u16,
    user: String,
    domain: String,
    _folder: TempDir,
    child: Child,
}

impl Phone {
    /// A phone for the SIP address `username` (user@domain).
    pub fn start(username: &str) -> Phone {
        let (user, domain) = username.split_once('@').expect("a username in e-mail form");
        let port = free_port();
        let folder = tempfile::tempdir().unwrap();
        let child = spawn(
            Command::new("sipp")
                .args(["-sn", "uas", "-i", "127.0.0.1", "-nostdin", "-p"])
                .arg(port.to_string())
                .current_dir(folder.path())
                .stdout(Stdio::null())
                .stderr(Stdio::null()),
            "sipp (Debian's sip-tester)",
        );
        Phone {
            port,
            user: user.to_owned(),
            domain: domain.to_owned(),
            _folder: folder,
            child,
        }
    }

    /// Registers this phone's address with `kamailio`.
    pub async fn register(&self, kamailio: &Kamailio) {
        let fields = self._folder.path().join("register.csv");
        std::fs::write(
            &fields,
            format!(
                "SEQUENTIAL\n{};{};127.0.0.1:{}\n",
                self.user, self.domain, self.port
            ),
        )
        .unwrap();
        let status = sipp(&[
            "-sf",
            &repo("kamailio/sipp/register.xml").to_string_lossy(),
            "-inf",
            &fields.to_string_lossy(),
            &kamailio.sip_address(),
            "-p",
            &free_port().to_string(),
            "-m",
            "1",
            "-timeout",
            "10",
        ])
        .await;
        assert!(
            status.success(),
            "{}@{} could not register",
            self.user,
            self.domain
        );
    }
}

impl Drop for Phone {
    fn drop(&mut self) {
        kill_group(&mut self.child);
    }
}
