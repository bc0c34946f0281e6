//! Cyrillic in Latin letters (Russian, Ukrainian, Belarusian, Bulgarian, Serbian and
//! Macedonian, in the English way of writing their names: "Путин" → "Putin", "Шойгу" →
//! "Shoygu", "Київ" → "Kyyiv"), so that a Cyrillic source's names are compared as a Latin
//! source's are: by spelling, consonant skeleton and exonyms.

/// The Latin letters for a lower-case Cyrillic letter; None for any other character.
fn latin(c: char) -> Option<&'static str> {
    Some(match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'ґ' => "g",
        'д' => "d",
        'ђ' => "dj",
        'е' => "e",
        'ё' => "yo",
        'є' => "ye",
        'ж' => "zh",
        'з' => "z",
        'ѕ' => "dz",
        'и' => "i",
        'і' => "i",
        'ї' => "yi",
        'й' => "y",
        'ј' => "j",
        'к' => "k",
        'л' => "l",
        'љ' => "lj",
        'м' => "m",
        'н' => "n",
        'њ' => "nj",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'ћ' => "c",
        'ќ' => "k",
        'ѓ' => "g",
        'у' => "u",
        'ў' => "w",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'џ' => "dz",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' | 'ь' => "",
        'ы' => "y",
        'э' => "e",
        'ю' => "yu",
        'я' => "ya",
        _ => return None,
    })
}

/// Whether a text has Cyrillic letters.
pub fn has_cyrillic(text: &str) -> bool {
    text.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
}

/// The text with its Cyrillic letters in Latin ones; a capital stays a capital ("Щёлково" →
/// "Shchyolkovo"); everything else is kept as it is.
pub fn to_latin(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let lower = c.to_lowercase().next().unwrap_or(c);
        match latin(lower) {
            Some(l) if lower != c => {
                let mut cs = l.chars();
                if let Some(first) = cs.next() {
                    out.extend(first.to_uppercase());
                    out.extend(cs);
                }
            }
            Some(l) => out.push_str(l),
            None => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_come_out_as_english_writes_them() {
        assert_eq!(to_latin("Путин"), "Putin");
        assert_eq!(to_latin("Шойгу"), "Shoygu");
        assert_eq!(to_latin("Москва, 12 мая"), "Moskva, 12 maya");
        assert_eq!(to_latin("Щёлково"), "Shchyolkovo");
        assert_eq!(to_latin("Зеленский"), "Zelenskiy");
        assert_eq!(to_latin("Đoković"), "Đoković");
        assert!(has_cyrillic("в Киеве"));
        assert!(!has_cyrillic("in Kyiv"));
    }
}
