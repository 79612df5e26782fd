//! The enums a workbook stores as words: one macro writes each of them the same way.

/// Declares an enum whose values the workbook file stores as words, with:
///
/// - `ALL`, every variant in the order written;
/// - `slug()`, the word stored in the workbook file (never renamed once shipped), and
///   `from_slug()`, its way back;
/// - `label()`, the words a person reads, when every variant has one.
///
/// Every enum derives `Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS` and
/// is serialised in camelCase; attributes written on the enum (doc comments, further derives)
/// and on its variants (doc comments) are kept. The JSON the screens see is serde's, not the
/// slug. An enum's other methods go in an `impl` block of their own.
///
/// ```ignore
/// word_enum! {
///     /// How a stakeholder feels about the community today.
///     pub enum Attitude {
///         Champion => "champion", "Champion";
///         Neutral => "neutral", "Neutral";
///     }
/// }
/// ```
///
/// Without labels, each variant is only `Variant => "slug";`.
macro_rules! word_enum {
    (@enum
        [$(#[$attr:meta])*] $vis:vis $name:ident
        [$($(#[$vattr:meta])* $variant:ident => $slug:literal;)*]
        { $($extra:item)* }
    ) => {
        $(#[$attr])*
        #[derive(
            Debug,
            Clone,
            Copy,
            PartialEq,
            Eq,
            Hash,
            ::serde::Serialize,
            ::serde::Deserialize,
            ::ts_rs::TS
        )]
        #[serde(rename_all = "camelCase")]
        $vis enum $name {
            $($(#[$vattr])* $variant,)*
        }

        impl $name {
            /// Every variant, in the order written.
            pub const ALL: [$name; [$(stringify!($variant)),*].len()] = [$($name::$variant),*];

            /// The word stored in the workbook file (never renamed once shipped).
            pub fn slug(self) -> &'static str {
                match self {
                    $($name::$variant => $slug,)*
                }
            }

            /// The variant stored as `slug`, if any.
            pub fn from_slug(slug: &str) -> Option<Self> {
                Self::ALL.into_iter().find(|v| v.slug() == slug)
            }

            $($extra)*
        }
    };

    // Every variant with a label.
    (
        $(#[$attr:meta])*
        $vis:vis enum $name:ident {
            $($(#[$vattr:meta])* $variant:ident => $slug:literal, $label:literal;)*
        }
    ) => {
        $crate::words::word_enum! {
            @enum [$(#[$attr])*] $vis $name [$($(#[$vattr])* $variant => $slug;)*] {
                /// The words a person reads.
                pub fn label(self) -> &'static str {
                    match self {
                        $($name::$variant => $label,)*
                    }
                }
            }
        }
    };

    // No labels.
    (
        $(#[$attr:meta])*
        $vis:vis enum $name:ident {
            $($(#[$vattr:meta])* $variant:ident => $slug:literal;)*
        }
    ) => {
        $crate::words::word_enum! {
            @enum [$(#[$attr])*] $vis $name [$($(#[$vattr])* $variant => $slug;)*] {}
        }
    };
}

pub(crate) use word_enum;
