//! One-time recovery codes: for the day the phone with the authenticator
//! app is lost. Shown once; only their SHA-256 is kept. Each is 10
//! characters of a 31-letter alphabet (49 bits), which no one guesses in
//! the five tries the sign-in throttle allows, so a slow hash adds nothing.

use super::session::digest;
use crate::domain::{show_recovery_code, RECOVERY_ALPHABET, RECOVERY_CODES, RECOVERY_CODE_LEN};

/// A fresh set of codes, as shown ("abcde-fghjk"), and their hashes.
pub fn generate() -> (Vec<String>, Vec<String>) {
    (0..RECOVERY_CODES)
        .map(|_| {
            let bare = random_code();
            (show_recovery_code(&bare), hash(&bare))
        })
        .unzip()
}

fn random_code() -> String {
    // Rejection sampling: 248 is the largest multiple of 31 below 256, so
    // every letter is equally likely.
    let mut code = String::with_capacity(RECOVERY_CODE_LEN);
    while code.len() < RECOVERY_CODE_LEN {
        let mut byte = [0u8; 1];
        getrandom::fill(&mut byte).expect("the operating system's random source");
        if usize::from(byte[0]) < RECOVERY_ALPHABET.len() * 8 {
            code.push(char::from(
                RECOVERY_ALPHABET[usize::from(byte[0]) % RECOVERY_ALPHABET.len()],
            ));
        }
    }
    code
}

/// What the database keeps of a code, as `domain::read_code` reads it.
pub fn hash(bare: &str) -> String {
    digest(bare.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{read_code, SecondStepCode};

    #[test]
    fn a_set_is_ten_distinct_readable_codes_kept_as_hashes() {
        let (shown, hashes) = generate();
        assert_eq!(shown.len(), RECOVERY_CODES);
        let mut distinct = shown.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), RECOVERY_CODES);
        for (code, kept) in shown.iter().zip(&hashes) {
            let Ok(SecondStepCode::Recovery(bare)) = read_code(code) else {
                panic!("{code} doesn't read as a recovery code");
            };
            assert_eq!(&hash(&bare), kept);
            assert_ne!(kept, code);
        }
    }

    #[test]
    fn every_letter_of_the_alphabet_turns_up() {
        let letters: String = (0..100).map(|_| random_code()).collect();
        for letter in RECOVERY_ALPHABET {
            assert!(
                letters.contains(char::from(*letter)),
                "{}",
                char::from(*letter)
            );
        }
    }
}
