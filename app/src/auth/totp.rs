//! Authenticator codes (RFC 6238: HMAC-SHA1, six digits, 30-second steps,
//! one step of clock drift either way), the address an app scans, and its
//! QR code. The arithmetic is `totp-rs`'s; this file fixes the parameters.

use qrcode::{Color, QrCode};
use totp_rs::{Builder, Secret, Totp};

use crate::domain::TwoStepEnrolment;

/// The name authenticator apps show above the account's codes.
pub const ISSUER: &str = "Switchboard";

/// A new shared secret: 160 random bits (RFC 4226's advice), base32.
pub fn new_secret() -> String {
    let mut bytes = [0u8; 20];
    getrandom::fill(&mut bytes).expect("the operating system's random source");
    Secret::new_stack(bytes).to_base32()
}

fn totp(secret: &str, username: &str) -> Option<Totp> {
    let secret = Secret::try_from_base32(secret).ok()?;
    Builder::new()
        .with_secret(secret)
        .with_issuer(Some(ISSUER))
        .with_account_name(username)
        .build()
        .ok()
}

/// The 30-second step at `now`, whose code is accepted once only.
pub fn step_at(now: i64) -> i64 {
    now.div_euclid(30)
}

/// The step whose code `code` is, within a step of `now`, if it is later
/// than `last_step`; `None` for a wrong or used code.
pub fn check(secret: &str, username: &str, code: &str, now: i64, last_step: i64) -> Option<i64> {
    let totp = totp(secret, username)?;
    let now = u64::try_from(now).ok()?;
    let step = i64::try_from(totp.check(code, now)?).ok()?;
    (step > last_step).then_some(step)
}

/// What the account's holder scans or types into their app.
pub fn enrolment(secret: &str, username: &str) -> Option<TwoStepEnrolment> {
    let address = totp(secret, username)?.to_url().ok()?;
    let qr = QrCode::new(address.as_bytes()).ok()?;
    let size = u32::try_from(qr.width()).ok()?;
    Some(TwoStepEnrolment {
        secret: grouped(secret),
        qr_path: svg_path(&qr.to_colors(), size),
        qr_size: size,
        address,
    })
}

/// "ABCD EFGH …": easier to copy by eye.
fn grouped(secret: &str) -> String {
    let chars: Vec<char> = secret.chars().collect();
    chars
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Each row's runs of dark modules as `M x y h n v1 h-n z` rectangles, in
/// an `size`-square view box: a fifth of one square per module.
fn svg_path(modules: &[Color], size: u32) -> String {
    let mut path = String::new();
    for (y, row) in modules.chunks(size as usize).enumerate() {
        let mut x = 0;
        while x < row.len() {
            let run = row[x..].iter().take_while(|c| **c == Color::Dark).count();
            if run > 0 {
                path.push_str(&format!("M{x} {y}h{run}v1h-{run}z"));
            }
            x += run.max(1);
        }
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238 appendix B's SHA-1 secret, "12345678901234567890".
    const RFC_SECRET: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    #[test]
    fn codes_follow_rfc_6238() {
        // The appendix's eight-digit values, cut to the six digits apps show.
        let cases = [
            (59, "287082"),
            (1_111_111_109, "081804"),
            (1_111_111_111, "050471"),
            (1_234_567_890, "005924"),
            (2_000_000_000, "279037"),
        ];
        for (time, code) in cases {
            assert_eq!(
                check(RFC_SECRET, "megan", code, time, 0),
                Some(step_at(time)),
                "{time}"
            );
        }
    }

    #[test]
    fn a_code_works_once_within_a_step_of_now() {
        let now = 1_111_111_111;
        let step = step_at(now);
        let code = "050471";
        let cases = [
            (now, 0, Some(step)),
            (now - 30, 0, Some(step)),
            (now + 30, 0, Some(step)),
            (now + 60, 0, None),
            (now - 60, 0, None),
            (now, step - 1, Some(step)),
            (now, step, None),
            (now, step + 1, None),
        ];
        for (at, last, want) in cases {
            assert_eq!(
                check(RFC_SECRET, "megan", code, at, last),
                want,
                "{at} {last}"
            );
        }
        assert_eq!(check(RFC_SECRET, "megan", "050472", now, 0), None);
        assert_eq!(check("not base32!", "megan", code, now, 0), None);
    }

    #[test]
    fn new_secrets_are_160_random_bits() {
        let (a, b) = (new_secret(), new_secret());
        assert_eq!(a.len(), 32, "{a}");
        assert_ne!(a, b);
        let bytes = Secret::try_from_base32(&a).expect("base32");
        assert_eq!(bytes.as_bytes().len(), 20);
    }

    #[test]
    fn the_enrolment_holds_the_address_and_its_qr_code() {
        let e = enrolment(RFC_SECRET, "megan.bowen").expect("an enrolment");
        assert!(
            e.address
                .starts_with("otpauth://totp/Switchboard:megan.bowen?"),
            "{}",
            e.address
        );
        assert!(e.address.contains(&format!("secret={RFC_SECRET}")));
        assert!(e.address.contains("issuer=Switchboard"));
        assert_eq!(e.secret, "GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ");
        assert!(e.qr_size >= 21, "{}", e.qr_size);
        // The three finder patterns' outer rows: seven dark modules each.
        assert!(
            e.qr_path.starts_with("M0 0h7v1h-7z"),
            "{}",
            &e.qr_path[..40]
        );
        let (far, right) = (e.qr_size - 1, e.qr_size - 7);
        assert!(e.qr_path.contains(&format!("M{right} 0h7v1h-7z")));
        assert!(e.qr_path.contains(&format!("M0 {far}h7v1h-7z")));
        assert!(!e.qr_path.contains("h0"), "no empty runs");
    }
}
