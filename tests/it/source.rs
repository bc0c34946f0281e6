//! `check --source` and JSONL records with "source": the `source-mismatch` rule end to end.

use crate::common::mtlint;
use serde_json::Value;
use std::io::Write;

fn file(dir: &tempfile::TempDir, name: &str, text: &str) -> String {
    let path = dir.path().join(name);
    std::fs::File::create(&path)
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    path.to_string_lossy().into_owned()
}

fn source_findings(doc: &Value) -> Vec<Value> {
    doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "source-mismatch")
        .cloned()
        .collect()
}

const SOURCE: &str = "Der Bub ist eines von rund 400 Frühchen, die jährlich in Graz umsorgt werden.\n\n\
Das sind gut 21 Prozent mehr, teilte der Netzbetreiber Tennet in Bayreuth mit. \
Die Regierung hat das Gesetz nach einer langen und heftigen Debatte im Parlament am Montag mit knapper Mehrheit beschlossen. \
Am Dienstag soll es gelten. \
Die Opposition will dagegen klagen. \
Sie hält es für verfassungswidrig.\n";

const TARGET: &str = "The boy is one of about 500 premature babies who are cared for every year in Graz.\n\n\
This is a good 21 percent more, said the network operator Renamo in Bayreuth. \
It is to apply from Tuesday. \
The opposition wants to sue. \
It considers it unconstitutional.\n";

#[test]
fn check_with_source_names_both_sides() {
    let dir = tempfile::tempdir().unwrap();
    let src = file(&dir, "article.de.txt", SOURCE);
    let tgt = file(&dir, "article.en.txt", TARGET);
    let out = mtlint()
        .args([
            "check",
            "--format",
            "json",
            "--fail-on",
            "never",
            "--source",
            &src,
            &tgt,
        ])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let report: Value = serde_json::from_slice(&out).unwrap();
    let findings = source_findings(&report["documents"][0]);
    let messages: Vec<&str> = findings
        .iter()
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    // The replaced number, on the number, with the source sentence in the message.
    let number = findings
        .iter()
        .find(|f| f["text"] == "500")
        .unwrap_or_else(|| panic!("{messages:?}"));
    assert!(
        number["message"]
            .as_str()
            .unwrap()
            .contains("'400' in the source")
    );
    assert!(
        number["source"]
            .as_str()
            .unwrap()
            .starts_with("Der Bub ist eines")
    );
    assert!(
        number["sentence"]
            .as_str()
            .unwrap()
            .starts_with("The boy is one")
    );
    let start = number["start"].as_u64().unwrap() as usize;
    assert_eq!(&TARGET[start..start + 3], "500");
    // The replaced name.
    assert!(
        findings.iter().any(|f| f["text"] == "Renamo"),
        "{messages:?}"
    );
    // The sentence left out of the translation.
    assert!(
        messages
            .iter()
            .any(|m| m.contains("Die Regierung hat") && m.contains("has no translation")),
        "{messages:?}"
    );
}

#[test]
fn without_a_source_the_rule_is_silent() {
    let dir = tempfile::tempdir().unwrap();
    let tgt = file(&dir, "article.en.txt", TARGET);
    let out = mtlint()
        .args(["check", "--format", "json", "--fail-on", "never", &tgt])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let report: Value = serde_json::from_slice(&out).unwrap();
    assert!(source_findings(&report["documents"][0]).is_empty());
    // Findings of other rules carry no "source" field.
    let text = String::from_utf8(out).unwrap();
    assert!(!text.contains("\"source\""), "{text}");
}

#[test]
fn one_source_for_several_inputs_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let src = file(&dir, "a.de.txt", SOURCE);
    let a = file(&dir, "a.en.txt", TARGET);
    let b = file(&dir, "b.en.txt", TARGET);
    let out = mtlint()
        .args(["check", "--source", &src, &a, &b])
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let stderr = String::from_utf8_lossy(&out);
    assert!(
        stderr.contains("--source needs exactly one input"),
        "{stderr}"
    );
    let missing = dir.path().join("nope.txt").to_string_lossy().into_owned();
    let out = mtlint()
        .args(["check", "--source", &missing, &a])
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let stderr = String::from_utf8_lossy(&out);
    assert!(
        stderr.contains("--source") && stderr.contains("nope.txt"),
        "{stderr}"
    );
}

#[test]
fn jsonl_records_carry_their_source() {
    let input = concat!(
        "{\"id\": 1, \"text\": \"The Chengdu consulate opened in 1995.\", \"source\": \"成都美领馆于1985年开放。\"}\n",
        "{\"id\": 2, \"text\": \"The Chengdu consulate opened in 1985.\", \"source\": \"成都美领馆于1985年开放。\"}\n",
        "{\"id\": 3, \"text\": \"The Chengdu consulate opened in 1995.\"}\n",
        "{\"id\": 4, \"text\": \"The man works for the diocese of Shaoshan.\", \"source\": \"De man werkt voor het bisdom Nantes.\"}\n",
    );
    let out = mtlint()
        .args([
            "check",
            "--input-format",
            "jsonl",
            "--format",
            "jsonl",
            "--fail-on",
            "never",
        ])
        .write_stdin(input)
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let lines: Vec<Value> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4);
    let first = source_findings(&lines[0]);
    assert_eq!(first.len(), 1, "{first:?}");
    assert_eq!(first[0]["text"], "1995");
    assert_eq!(first[0]["source"], "成都美领馆于1985年开放。");
    assert!(source_findings(&lines[1]).is_empty());
    assert!(source_findings(&lines[2]).is_empty());
    let fourth = source_findings(&lines[3]);
    assert!(fourth.iter().any(|f| f["text"] == "Shaoshan"), "{fourth:?}");
    assert!(
        fourth
            .iter()
            .any(|f| f["message"].as_str().unwrap().contains("'Nantes'")),
        "{fourth:?}"
    );
}

/// JSONL records with an id, a source and a translation.
/// The messages of the source findings of the record `id`.
fn messages_of(docs: &[Value], id: &str) -> Vec<String> {
    let doc = docs.iter().find(|d| d["id"] == id).unwrap();
    source_findings(doc)
        .iter()
        .map(|f| f["message"].as_str().unwrap().to_string())
        .collect()
}

fn records_jsonl(records: &[(&str, &str, &str)]) -> String {
    records
        .iter()
        .map(|(id, source, text)| {
            serde_json::json!({"id": id, "text": text, "source": source}).to_string() + "\n"
        })
        .collect()
}

/// `check` on a JSONL file (with more arguments), its reports as JSON values.
fn check_jsonl(path: &str, args: &[&str]) -> Vec<Value> {
    let out = mtlint()
        .args([
            "check",
            path,
            "--format",
            "jsonl",
            "--no-config",
            "--fail-on",
            "never",
        ])
        .args(args)
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Each finding says which language the source was read as: recognised from its script and
/// small words, or the one `--source-lang` gives.
#[test]
fn findings_name_the_source_language() {
    let dir = tempfile::tempdir().unwrap();
    let records = [
        (
            "pl",
            "Pawłowicz posiada mieszkanie o wartości 570 tys. zł oraz nieco mniejsze, które wynajmuje.",
            "Pawłowicz owns an apartment worth PLN 590 thousand and another, smaller one, which she rents.",
        ),
        (
            "ja",
            "甲府市は市内の３０代の男性が新型コロナウイルスに感染したと発表しました。",
            "Japan announced that a man in his thirties was infected with the new coronavirus.",
        ),
        (
            "ru",
            "Экстрадированному в США россиянину Алексею Буркову грозит до 80 лет тюрьмы.",
            "Alexei Burkov, a Russian extradited to the United States, faces up to 70 years in prison.",
        ),
    ];
    let lines = records_jsonl(&records);
    let docs = check_jsonl(&file(&dir, "records.jsonl", &lines), &[]);
    assert_eq!(docs.len(), 3);
    for doc in &docs {
        let found = source_findings(doc);
        assert!(!found.is_empty(), "no source-mismatch finding: {doc}");
        for f in found {
            assert_eq!(f["source_lang"], doc["id"], "{f}");
        }
    }
    // The Japanese record: the kanji name 甲府 (Kofu) is missing and "Japan" stands in for it.
    let messages: Vec<String> = source_findings(&docs[1])
        .iter()
        .map(|f| f["message"].as_str().unwrap().to_string())
        .collect();
    assert!(
        messages.iter().any(|m| m.contains("'甲府'")),
        "{messages:?}"
    );
    assert!(
        messages.iter().any(|m| m.contains("'Japan'")),
        "{messages:?}"
    );
    // Given on the command line, the language is the one reported.
    let one = file(&dir, "one.jsonl", lines.lines().next().unwrap());
    let doc = &check_jsonl(&one, &["--source-lang", "cs"])[0];
    assert!(
        source_findings(doc)
            .iter()
            .all(|f| f["source_lang"] == "cs"),
        "{doc}"
    );
}

/// Sources in languages the checks have no special code for: Italian is read as a Latin-script
/// source, Russian through transliteration, each quiet on a correct translation.
#[test]
fn italian_and_russian_sources() {
    let dir = tempfile::tempdir().unwrap();
    let it = "Il presidente Sergio Mattarella ha incontrato ieri a Roma il premier spagnolo Pedro Sánchez.";
    let ru = "Президент России Владимир Путин во вторник встретился в Москве с лидером Китая Си Цзиньпином.";
    let records = [
        (
            "it-clean",
            it,
            "President Sergio Mattarella met Spanish Prime Minister Pedro Sánchez in Rome yesterday.",
        ),
        (
            "it-name",
            it,
            "President Sergio Mattarella met Spanish Prime Minister Pedro Sánchez in Milan yesterday.",
        ),
        (
            "it-number",
            "La Camera dei deputati ha approvato la manovra con 312 voti favorevoli e 21 contrari.",
            "The Chamber of Deputies approved the budget with 312 votes in favour and 12 against.",
        ),
        // A decade in words, capitalised as Italian writes it, is a number, not a name.
        (
            "it-decade",
            "Negli anni Novanta il paese aveva 12.000 abitanti.",
            "In the 1990s the town had 12,000 inhabitants.",
        ),
        (
            "ru-clean",
            ru,
            "Russian President Vladimir Putin met Chinese leader Xi Jinping in Moscow on Tuesday.",
        ),
        (
            "ru-name",
            ru,
            "Russian President Vladimir Putin met Chinese leader Joe Biden in Moscow on Tuesday.",
        ),
    ];
    let path = file(&dir, "records.jsonl", &records_jsonl(&records));
    let messages: Vec<(String, Vec<String>)> = check_jsonl(&path, &[])
        .into_iter()
        .map(|doc| {
            let found = source_findings(&doc)
                .iter()
                .map(|f| f["message"].as_str().unwrap().to_string())
                .collect();
            (doc["id"].as_str().unwrap().to_string(), found)
        })
        .collect();
    let of = |id: &str| &messages.iter().find(|(i, _)| i == id).unwrap().1;
    assert!(of("it-clean").is_empty(), "{:?}", of("it-clean"));
    assert!(
        of("it-name")
            .iter()
            .any(|m| m.contains("'Milan' is not in the source"))
    );
    assert!(
        of("it-number")
            .iter()
            .any(|m| m.starts_with("'12' here is '21'"))
    );
    assert!(of("it-decade").is_empty(), "{:?}", of("it-decade"));
    assert!(of("ru-clean").is_empty(), "{:?}", of("ru-clean"));
    // The missing name in the source's own letters.
    assert!(
        of("ru-name").iter().any(|m| m.contains("'Си Цзиньпином'")),
        "{:?}",
        of("ru-name")
    );
}

/// A Cyrillic source: a one-word name the translation lost is found, in the source's letters;
/// a country in a case form, a common word capitalised by convention and an acronym are not
/// taken for lost names.
#[test]
fn russian_one_word_names() {
    let dir = tempfile::tempdir().unwrap();
    let src = "Мэр Собянин открыл новую станцию метро в Москве.";
    let records = [
        (
            "clean",
            src,
            "Mayor Sobyanin opened a new metro station in Moscow.",
        ),
        (
            "lost",
            src,
            "The mayor opened a new metro station in Moscow.",
        ),
        (
            "country",
            "Министр прилетел из Швейцарии, где встречался с послом США.",
            "The minister flew in from Switzerland, where he met the US ambassador.",
        ),
        (
            "convention",
            "Верующие отметили Пасху в храме.",
            "Believers celebrated Easter in the church.",
        ),
        // A country in the genitive is the people's adjective in English.
        (
            "adjective",
            "МИД России вызвал посла Великобритании.",
            "The Russian Foreign Ministry summoned the British ambassador.",
        ),
        // A place in the genitive before a name is not part of it.
        (
            "after-place",
            "Мэр Москвы Сергей Собянин открыл новую станцию метро.",
            "The Moscow mayor opened a new metro station.",
        ),
        // A comma ends a name: the city found is not the mayor.
        (
            "after-comma",
            "Il sindaco di Roma, Giuseppe Verdi, ha aperto una nuova stazione.",
            "The mayor of Rome opened a new station.",
        ),
    ];
    let path = file(&dir, "records.jsonl", &records_jsonl(&records));
    let docs = check_jsonl(&path, &[]);
    let of = |id: &str| messages_of(&docs, id);
    assert!(of("clean").is_empty(), "{:?}", of("clean"));
    assert!(
        of("lost").iter().any(|m| m.contains("'Собянин'")),
        "{:?}",
        of("lost")
    );
    assert!(of("country").is_empty(), "{:?}", of("country"));
    assert!(of("convention").is_empty(), "{:?}", of("convention"));
    assert!(of("adjective").is_empty(), "{:?}", of("adjective"));
    assert!(
        of("after-place")
            .iter()
            .any(|m| m.contains("'Сергей Собянин'")),
        "{:?}",
        of("after-place")
    );
    assert!(
        of("after-comma")
            .iter()
            .any(|m| m.contains("'Giuseppe Verdi'")),
        "{:?}",
        of("after-comma")
    );
}

/// Conventions of the source languages that are no names: a noun capitalised as an institution
/// ("del Gobierno"), an acronym the translation writes out ("Według GUS"), a country in the
/// locative ("w Polsce") or as an adjective in a case ("Českého"); a name after them still is.
#[test]
fn capitalised_institutions_and_west_slavic_forms() {
    let dir = tempfile::tempdir().unwrap();
    let records = [
        (
            "es",
            "El presidente del Gobierno, Pedro Sánchez, anunció elecciones anticipadas.",
            "Spanish Prime Minister Pedro Sánchez announced early elections.",
        ),
        (
            "es-lost",
            "El presidente del Gobierno, Pedro Sánchez, anunció elecciones anticipadas.",
            "The Prime Minister announced early elections.",
        ),
        (
            "pl",
            "Według GUS inflacja w Polsce wyniosła w kwietniu 16,1 proc.",
            "According to the Central Statistical Office, inflation in Poland was 16.1% in April.",
        ),
        // After Spanish "de" (of) a capital is a name ("de Marruecos").
        (
            "es-de",
            "Más de 300 personas murieron en el terremoto de Marruecos.",
            "More than 300 people died in the earthquake.",
        ),
        // A title before a person's name is translated: the name is still lost.
        (
            "cs-lost",
            "Prezident Petr Pavel ve středu jmenoval novou vládu.",
            "The President appointed the new government on Wednesday.",
        ),
        // A city with a name of its own in the source language.
        (
            "it-city",
            "Il ministro degli Esteri Antonio Tajani ha incontrato il suo omologo cinese a Pechino.",
            "Foreign Minister Antonio Tajani met his Chinese counterpart in Beijing.",
        ),
        (
            "cs",
            "Podle Českého statistického úřadu ekonomika loni vzrostla o 2,4 procenta.",
            "According to the Czech Statistical Office, the economy grew by 2.4 percent last year.",
        ),
        // A city's adjective in the source is its name in the translation; another city is not.
        (
            "es-demonym",
            "Lo dijo Ricardo Salazar, periodista tapatío.",
            "Ricardo Salazar, a journalist from Guadalajara, said so.",
        ),
        (
            "it-demonym",
            "Il sindaco partenopeo ha chiuso il centro al traffico.",
            "The mayor of Naples closed the centre to traffic.",
        ),
        // A title the source writes in its own words, joined by small words, is translated;
        // a name beside it is still a name.
        (
            "es-title",
            "El Real Madrid ganó la Liga de Campeones por decimoquinta vez.",
            "Real Madrid won the Champions League for the fifteenth time.",
        ),
        (
            "it-title",
            "Il Papa si recherà in Portogallo per la Giornata mondiale della gioventù.",
            "The Pope will travel to Portugal for World Youth Day.",
        ),
        (
            "es-title-lost",
            "El sistema antimisiles Cúpula de Hierro de Israel ha demostrado su eficacia.",
            "The Iron Dome anti-missile system has proven its worth.",
        ),
        (
            "it-demonym-wrong",
            "Il sindaco partenopeo ha chiuso il centro al traffico.",
            "The mayor of Turin closed the centre to traffic.",
        ),
    ];
    let path = file(&dir, "records.jsonl", &records_jsonl(&records));
    let docs = check_jsonl(&path, &[]);
    let of = |id: &str| messages_of(&docs, id);
    for id in [
        "es",
        "pl",
        "cs",
        "it-city",
        "es-demonym",
        "it-demonym",
        "es-title",
        "it-title",
    ] {
        assert!(of(id).is_empty(), "{id}: {:?}", of(id));
    }
    assert!(
        of("es-title-lost").iter().any(|m| m.contains("'Israel'")),
        "{:?}",
        of("es-title-lost")
    );
    assert!(
        of("it-demonym-wrong").iter().any(|m| m.contains("'Turin'")),
        "{:?}",
        of("it-demonym-wrong")
    );
    assert!(
        of("es-de").iter().any(|m| m.contains("'Marruecos'")),
        "{:?}",
        of("es-de")
    );
    assert!(
        of("cs-lost").iter().any(|m| m.contains("'Petr Pavel'")),
        "{:?}",
        of("cs-lost")
    );
    assert!(
        of("es-lost").iter().any(|m| m.contains("'Pedro Sánchez'")),
        "{:?}",
        of("es-lost")
    );
}

/// A Hindi source: the agent of a verb (before ने) that no list of Hindi words knows is a name,
/// which the translation must keep; a frequent word there is not.
#[test]
fn hindi_agents_unknown_to_the_word_list_are_names() {
    let dir = tempfile::tempdir().unwrap();
    let src = "बर्लुस्कोनी ने पूर्व टीवी एंकर से शादी की।";
    let records = [
        ("clean", src, "Berlusconi married a former TV anchor."),
        ("lost", src, "He married a former TV anchor."),
        (
            "common",
            "पुलिस ने अदालत को बताया कि उसकी मौत डूबने से हुई।",
            "Officers told the court that he had drowned.",
        ),
    ];
    let path = file(&dir, "records.jsonl", &records_jsonl(&records));
    let docs = check_jsonl(&path, &[]);
    let of = |id: &str| messages_of(&docs, id);
    assert!(of("clean").is_empty(), "{:?}", of("clean"));
    assert!(of("common").is_empty(), "{:?}", of("common"));
    assert!(
        of("lost").iter().any(|m| m.contains("'बर्लुस्कोनी'")),
        "{:?}",
        of("lost")
    );
}

/// Words that are no names in a translation: a language's name standing for its people's
/// adjective in the source ("Poola" = Polish), and a capitalised compound of common words.
#[test]
fn adjectives_of_peoples_and_compounds_of_common_words() {
    let dir = tempfile::tempdir().unwrap();
    let records = [
        (
            "adjective",
            "Poola valitsus kiitis eelnõu heaks teisipäeval Varssavis.",
            "The Polish government approved the bill on Tuesday in Warsaw.",
        ),
        (
            "compound",
            "Kiiresti liikuvad elevandid näivad jooksvat.",
            "Fast-moving elephants seem to run.",
        ),
    ];
    let path = file(&dir, "records.jsonl", &records_jsonl(&records));
    for doc in check_jsonl(&path, &[]) {
        assert!(source_findings(&doc).is_empty(), "{doc}");
    }
}

/// Japanese sources: katakana names heard in the translation by their sound, territories by
/// their English names; a name the source does not account for is reported, a correct
/// translation is not.
#[test]
fn japanese_katakana_names_and_territories() {
    let dir = tempfile::tempdir().unwrap();
    let nl = "ブランビーズが２４－０で快勝し、開幕３連勝の勝ち点１４として首位に立った。";
    let kr = "韓国での新規感染者数は３０～６０人台となっていた。";
    let fr = "フランスのマクロン大統領は、ドイツのメルケル首相と電話で協議した。";
    let records = [
        (
            "clean-1",
            nl,
            "The Brumbies won 24-0, taking the lead with 14 points after three straight wins.",
        ),
        (
            "clean-2",
            kr,
            "The number of new infections in South Korea was in the 30-60 range.",
        ),
        (
            "clean-3",
            fr,
            "French President Macron held talks by telephone with German Chancellor Merkel.",
        ),
        (
            "removed-1",
            nl,
            "Won 24-0, taking the lead with 14 points after three straight wins.",
        ),
        (
            "removed-2",
            kr,
            "The number of new infections in was in the 30-60 range.",
        ),
        (
            "replaced-3",
            fr,
            "French President Rutte held talks by telephone with German Chancellor Merkel.",
        ),
        (
            "replaced-2",
            kr,
            "The number of new infections in Asia was in the 30-60 range.",
        ),
        // A name before a title, heard in no name of the translation ("eastern" sounds like
        // バイデン but is no name).
        (
            "removed-4",
            "岸田首相は、東部の都市でバイデン大統領と会談した。",
            "Kishida met the President in an eastern city.",
        ),
        (
            "clean-4",
            "岸田首相は、東部の都市でバイデン大統領と会談した。",
            "Kishida met President Biden in an eastern city.",
        ),
    ];
    let docs = check_jsonl(&file(&dir, "ja.jsonl", &records_jsonl(&records)), &[]);
    assert_eq!(docs.len(), records.len());
    for doc in &docs {
        let id = doc["id"].as_str().unwrap();
        let found = source_findings(doc);
        assert_eq!(found.is_empty(), id.starts_with("clean"), "{id}: {found:?}");
    }
    let message = |k: usize| {
        source_findings(&docs[k])[0]["message"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert!(message(3).contains("ブランビーズ"), "{}", message(3));
    assert!(message(4).contains("韓国"), "{}", message(4));
    assert!(message(5).contains("Rutte"), "{}", message(5));
}
