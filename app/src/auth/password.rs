//! argon2id password hashes in PHC form. Hashing is slow on purpose, so it
//! runs off the async threads.

use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::Argon2;

pub async fn hash(password: String) -> Result<String, crate::api::ApiError> {
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
    })
    .await
    .map_err(|e| {
        tracing::error!(error = %e, "password hashing task failed");
        crate::api::ApiError::Internal
    })?
    .map_err(|e| {
        tracing::error!(error = %e, "password hashing failed");
        crate::api::ApiError::Internal
    })
}

/// Whether `password` matches `hash`. With no hash (no such account) it
/// checks against a throwaway one, so the answer takes as long either way.
pub async fn verify(password: String, hash: Option<String>) -> bool {
    tokio::task::spawn_blocking(move || {
        let stored = hash.unwrap_or_else(|| DUMMY.to_owned());
        let Ok(parsed) = PasswordHash::new(&stored) else {
            tracing::error!("an account's password hash can't be read");
            return false;
        };
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
            && stored != DUMMY
    })
    .await
    .unwrap_or(false)
}

/// The hash of a random password nobody knows.
const DUMMY: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$RBfVAmQ+VLnuAhJXcMNVTbM/xa5d4XHH3ZLv3nAI/GY";

/// A password for a new account, shown once: 20 characters from an
/// alphabet without look-alikes.
pub fn generate() -> String {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";
    let mut bytes = [0u8; 20];
    getrandom::fill(&mut bytes).expect("the operating system's random source");
    bytes
        .iter()
        .map(|b| ALPHABET[*b as usize % ALPHABET.len()] as char)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_its_password_only() {
        let hashed = hash("correct horse battery".into()).await.unwrap();
        assert!(hashed.starts_with("$argon2id$"), "{hashed}");
        assert!(verify("correct horse battery".into(), Some(hashed.clone())).await);
        assert!(!verify("correct horse batterY".into(), Some(hashed)).await);
        assert!(
            !verify("anything".into(), None).await,
            "no account never verifies"
        );
        assert!(!verify("x".into(), Some("not a hash".into())).await);
    }

    #[test]
    fn generated_passwords_are_long_and_differ() {
        let (a, b) = (generate(), generate());
        assert_eq!(a.len(), 20);
        assert_ne!(a, b);
        assert!(crate::domain::check_new_password(&a, "admin").is_ok());
    }
}
