//! argon2id password hashes in PHC form. Hashing is slow on purpose, so it
//! runs off the async threads; how slow is a setting, so tests can turn it
//! down while production keeps argon2's recommended cost.

use std::sync::Arc;

use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::{Algorithm, Argon2, Params, Version};

/// How much memory and time argon2id spends on one password.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HashCost {
    pub memory_kib: u32,
    pub iterations: u32,
}

impl Default for HashCost {
    /// argon2's own defaults (19 MiB, 2 passes), as OWASP recommends.
    fn default() -> Self {
        Self {
            memory_kib: Params::DEFAULT_M_COST,
            iterations: Params::DEFAULT_T_COST,
        }
    }
}

/// Hashing or checking a password failed: a bug or an exhausted machine,
/// never the caller's mistake.
#[derive(Debug, thiserror::Error)]
pub enum PasswordError {
    #[error("argon2 refused the cost {0:?}: {1}")]
    Cost(HashCost, argon2::Error),
    #[error("hashing the password failed: {0}")]
    Hash(argon2::password_hash::Error),
    #[error("the hashing task stopped: {0}")]
    Task(#[from] tokio::task::JoinError),
}

/// Hashes and verifies passwords at one cost. Holds the hash of a random
/// password at that cost, so checking a username that doesn't exist takes
/// as long as checking one that does.
#[derive(Clone, Debug)]
pub struct Passwords {
    params: Params,
    dummy: Arc<str>,
}

impl Passwords {
    pub fn new(cost: HashCost) -> Result<Self, PasswordError> {
        let params = Params::new(cost.memory_kib, cost.iterations, 1, None)
            .map_err(|e| PasswordError::Cost(cost, e))?;
        let dummy = hash_with(&params, &generate())?;
        Ok(Self {
            params,
            dummy: dummy.into(),
        })
    }

    pub async fn hash(&self, password: String) -> Result<String, PasswordError> {
        let params = self.params.clone();
        tokio::task::spawn_blocking(move || hash_with(&params, &password)).await?
    }

    /// Whether `password` matches `hash`. With no hash (no such account) it
    /// checks against the dummy, so the answer takes as long either way.
    pub async fn verify(&self, password: String, hash: Option<String>) -> bool {
        let dummy = self.dummy.clone();
        tokio::task::spawn_blocking(move || {
            let known = hash.is_some();
            let stored = hash.unwrap_or_else(|| dummy.to_string());
            let Ok(parsed) = PasswordHash::new(&stored) else {
                tracing::error!("an account's password hash can't be read");
                return false;
            };
            // The parameters come from the stored hash itself: a hash made
            // at another cost still verifies.
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
                && known
        })
        .await
        .unwrap_or(false)
    }
}

impl Default for Passwords {
    fn default() -> Self {
        Self::new(HashCost::default()).expect("argon2's default cost is valid")
    }
}

fn hash_with(params: &Params, password: &str) -> Result<String, PasswordError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone())
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(PasswordError::Hash)
}

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

    const CHEAP: HashCost = HashCost {
        memory_kib: 64,
        iterations: 1,
    };

    #[tokio::test]
    async fn a_hash_verifies_its_password_only() {
        let passwords = Passwords::new(CHEAP).unwrap();
        let hashed = passwords
            .hash("correct horse battery".into())
            .await
            .unwrap();
        assert!(
            hashed.starts_with("$argon2id$v=19$m=64,t=1,p=1$"),
            "{hashed}"
        );
        let cases = [
            (
                "correct horse battery",
                Some(hashed.clone()),
                true,
                "its password",
            ),
            (
                "correct horse batterY",
                Some(hashed),
                false,
                "one letter off",
            ),
            ("anything", None, false, "no account never verifies"),
            ("x", Some("not a hash".into()), false, "an unreadable hash"),
        ];
        for (password, hash, ok, why) in cases {
            assert_eq!(passwords.verify(password.into(), hash).await, ok, "{why}");
        }
    }

    #[tokio::test]
    async fn a_hash_made_at_another_cost_still_verifies() {
        let old = Passwords::new(CHEAP)
            .unwrap()
            .hash("pass phrase one".into())
            .await
            .unwrap();
        let now = Passwords::new(HashCost {
            memory_kib: 128,
            iterations: 2,
        })
        .unwrap();
        assert!(now.verify("pass phrase one".into(), Some(old)).await);
    }

    #[test]
    fn the_default_cost_is_argon2s_recommendation_and_too_little_memory_is_refused() {
        assert_eq!(
            HashCost::default(),
            HashCost {
                memory_kib: 19_456,
                iterations: 2
            }
        );
        assert!(Passwords::new(HashCost {
            memory_kib: 1,
            iterations: 1
        })
        .is_err());
        assert!(Passwords::new(HashCost {
            memory_kib: 64,
            iterations: 0
        })
        .is_err());
    }

    #[test]
    fn generated_passwords_are_long_and_differ() {
        let (a, b) = (generate(), generate());
        assert_eq!(a.len(), 20);
        assert_ne!(a, b);
        assert!(crate::domain::check_new_password(&a, "admin").is_ok());
    }
}
