//! argon2id password hashes in PHC form. Hashing is slow on purpose, so it
//! runs off the async threads; how slow is a setting, so tests can turn it
//! down while production keeps argon2's recommended cost. Each hash takes
//! its memory (19 MiB by default) and a core for its duration, so only
//! about one per core runs at once and the rest wait their turn.

use std::sync::Arc;
use std::time::Duration;

use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::{Algorithm, Argon2, Params, Version};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

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

/// How long a password waits for its turn before the server gives up and
/// asks to try again: hundreds of hashes at ~30 ms each, two at a time.
pub const QUEUE_WAIT: Duration = Duration::from_secs(5);

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
    /// Every hashing turn stayed taken for [`QUEUE_WAIT`].
    #[error("no turn to hash a password within {0:?}")]
    Busy(Duration),
}

/// Hashes and verifies passwords at one cost, a bounded number at a time.
/// Holds the hash of a random password at that cost, so checking a
/// username that doesn't exist takes as long as checking one that does.
#[derive(Clone, Debug)]
pub struct Passwords {
    params: Params,
    dummy: Arc<str>,
    turns: Arc<Semaphore>,
    wait: Duration,
}

impl Passwords {
    /// At `cost`, one hash per core at a time.
    pub fn new(cost: HashCost) -> Result<Self, PasswordError> {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        Self::bounded(cost, cores, QUEUE_WAIT)
    }

    /// At `cost`, `at_once` hashes at a time (at least one); a password
    /// waits at most `wait` for its turn.
    pub fn bounded(cost: HashCost, at_once: usize, wait: Duration) -> Result<Self, PasswordError> {
        let params = Params::new(cost.memory_kib, cost.iterations, 1, None)
            .map_err(|e| PasswordError::Cost(cost, e))?;
        let dummy = hash_with(&params, &generate())?;
        Ok(Self {
            params,
            dummy: dummy.into(),
            turns: Arc::new(Semaphore::new(at_once.max(1))),
            wait,
        })
    }

    /// A turn to hash. It goes into the blocking task, so a request the
    /// client abandons still holds its turn until its hash is done.
    async fn turn(&self) -> Result<OwnedSemaphorePermit, PasswordError> {
        match tokio::time::timeout(self.wait, self.turns.clone().acquire_owned()).await {
            Ok(Ok(turn)) => Ok(turn),
            // The semaphore is never closed; treated as no turn all the same.
            Ok(Err(_)) | Err(_) => Err(PasswordError::Busy(self.wait)),
        }
    }

    pub async fn hash(&self, password: String) -> Result<String, PasswordError> {
        let turn = self.turn().await?;
        let params = self.params.clone();
        tokio::task::spawn_blocking(move || {
            let _turn = turn;
            hash_with(&params, &password)
        })
        .await?
    }

    /// Whether `password` matches `hash`. With no hash (no such account) it
    /// checks against the dummy, so the answer takes as long either way.
    pub async fn verify(
        &self,
        password: String,
        hash: Option<String>,
    ) -> Result<bool, PasswordError> {
        let turn = self.turn().await?;
        let dummy = self.dummy.clone();
        let matches = tokio::task::spawn_blocking(move || {
            let _turn = turn;
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
        .await?;
        Ok(matches)
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
            assert_eq!(
                passwords.verify(password.into(), hash).await.unwrap(),
                ok,
                "{why}"
            );
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
        assert!(now
            .verify("pass phrase one".into(), Some(old))
            .await
            .unwrap());
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

    #[tokio::test]
    async fn a_password_waits_for_a_turn_and_gives_up_when_none_comes() {
        let hurried = Passwords::bounded(CHEAP, 1, Duration::ZERO).unwrap();
        let taken = hurried.turns.clone().acquire_owned().await.unwrap();
        assert!(matches!(
            hurried.verify("a guess".into(), None).await,
            Err(PasswordError::Busy(_))
        ));
        assert!(matches!(
            hurried.hash("a guess".into()).await,
            Err(PasswordError::Busy(_))
        ));
        drop(taken);
        assert!(!hurried.verify("a guess".into(), None).await.unwrap());

        let patient = Passwords::bounded(CHEAP, 1, Duration::from_secs(30)).unwrap();
        let taken = patient.turns.clone().acquire_owned().await.unwrap();
        let waiting = tokio::spawn({
            let patient = patient.clone();
            async move { patient.verify("a guess".into(), None).await }
        });
        tokio::time::sleep(Duration::from_millis(50)).await;
        assert!(!waiting.is_finished(), "no turn yet");
        drop(taken);
        assert!(
            !waiting.await.unwrap().unwrap(),
            "checked once its turn came"
        );
    }

    #[test]
    fn generated_passwords_are_long_and_differ() {
        let (a, b) = (generate(), generate());
        assert_eq!(a.len(), 20);
        assert_ne!(a, b);
        assert!(crate::domain::check_new_password(&a, "admin").is_ok());
    }
}
