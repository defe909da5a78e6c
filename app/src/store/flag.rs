//! A yes/no column, read the same from either store: PostgreSQL answers a
//! `BOOLEAN` (or a condition) as a boolean, SQLite as the integer 0 or 1,
//! which sqlx's `Any` driver won't read as `bool`. A column declared
//! `BOOLEAN` is selected as `CAST(column AS INTEGER)`: the driver refuses
//! an SQLite column of that declared type outright, whatever it is read as.

use sqlx::any::{AnyTypeInfo, AnyValueRef};
use sqlx::error::BoxDynError;
use sqlx::{Any, Decode, Type};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Flag(pub bool);

impl From<Flag> for bool {
    fn from(flag: Flag) -> Self {
        flag.0
    }
}

impl Type<Any> for Flag {
    fn type_info() -> AnyTypeInfo {
        <bool as Type<Any>>::type_info()
    }

    fn compatible(ty: &AnyTypeInfo) -> bool {
        <bool as Type<Any>>::compatible(ty) || <i64 as Type<Any>>::compatible(ty)
    }
}

impl<'r> Decode<'r, Any> for Flag {
    fn decode(value: AnyValueRef<'r>) -> Result<Self, BoxDynError> {
        match <i64 as Decode<Any>>::decode(value.clone()) {
            Ok(n) => Ok(Flag(n != 0)),
            Err(_) => <bool as Decode<Any>>::decode(value).map(Flag),
        }
    }
}
