//! A JSON Schema (draft-07) validator for the keywords the SARIF 2.1.0 schema uses, so the SARIF
//! report is checked against the official schema without a schema crate in the test build (the
//! general-purpose one cost a fifth of the whole build). A keyword it does not know fails the
//! test rather than being skipped, so a schema it cannot check in full is never passed as valid.

use regex::Regex;
use serde_json::Value;
use std::collections::HashMap;
use std::sync::Mutex;

/// Keywords that only describe: they constrain nothing.
const ANNOTATIONS: &[&str] = &["$schema", "id", "$id", "title", "description", "default"];

pub struct Schema {
    root: Value,
    patterns: Mutex<HashMap<String, Regex>>,
}

impl Schema {
    pub fn new(root: Value) -> Schema {
        Schema {
            root,
            patterns: Mutex::new(HashMap::new()),
        }
    }

    /// Every violation in `instance`, each as "message at /json/pointer".
    pub fn errors(&self, instance: &Value) -> Vec<String> {
        let mut out = Vec::new();
        self.check(&self.root, instance, "", &mut out);
        out
    }

    pub fn is_valid(&self, instance: &Value) -> bool {
        self.errors(instance).is_empty()
    }

    fn resolve(&self, reference: &str) -> &Value {
        let pointer = reference
            .strip_prefix('#')
            .unwrap_or_else(|| panic!("only local references are supported: {reference}"));
        self.root
            .pointer(pointer)
            .unwrap_or_else(|| panic!("unresolved reference {reference}"))
    }

    fn matches(&self, pattern: &str, text: &str) -> bool {
        let mut cache = self.patterns.lock().expect("pattern cache");
        let re = cache
            .entry(pattern.to_string())
            .or_insert_with(|| Regex::new(pattern).expect("schema pattern compiles"));
        re.is_match(text)
    }

    fn check(&self, schema: &Value, v: &Value, at: &str, out: &mut Vec<String>) {
        let schema = match schema {
            Value::Bool(true) => return,
            Value::Bool(false) => return out.push(format!("no value is allowed at {at}")),
            Value::Object(o) => o,
            other => panic!("a schema is an object or a boolean, not {other}"),
        };
        if let Some(r) = schema.get("$ref") {
            // In draft-07 a `$ref` replaces its siblings.
            let target = self.resolve(r.as_str().expect("$ref is a string"));
            return self.check(target, v, at, out);
        }
        for (key, arg) in schema {
            match key.as_str() {
                k if ANNOTATIONS.contains(&k) => {}
                "definitions" => {}
                "type" => {
                    let ok = match arg {
                        Value::String(t) => has_type(v, t),
                        Value::Array(ts) => {
                            ts.iter().any(|t| has_type(v, t.as_str().unwrap_or("")))
                        }
                        _ => panic!("bad type keyword {arg}"),
                    };
                    if !ok {
                        out.push(format!("{v} is not of type {arg} at {at}"));
                    }
                }
                "enum" => {
                    if !arg.as_array().expect("enum is an array").contains(v) {
                        out.push(format!("{v} is not one of {arg} at {at}"));
                    }
                }
                "properties" | "additionalProperties" | "required" => {
                    if let Value::Object(obj) = v {
                        self.check_object_keyword(schema, key, arg, obj, at, out);
                    }
                }
                "items" => {
                    if let Value::Array(items) = v {
                        for (i, item) in items.iter().enumerate() {
                            self.check(arg, item, &format!("{at}/{i}"), out);
                        }
                    }
                }
                "minItems" => {
                    if let Value::Array(items) = v
                        && (items.len() as u64) < arg.as_u64().expect("minItems is a count")
                    {
                        out.push(format!("fewer than {arg} items at {at}"));
                    }
                }
                "uniqueItems" => {
                    if let (Value::Array(items), Some(true)) = (v, arg.as_bool()) {
                        for (i, a) in items.iter().enumerate() {
                            if items[..i].contains(a) {
                                out.push(format!("item {i} repeats an earlier one at {at}"));
                            }
                        }
                    }
                }
                "minimum" | "maximum" => {
                    if let (Some(n), Some(bound)) = (v.as_f64(), arg.as_f64()) {
                        let ok = if key == "minimum" {
                            n >= bound
                        } else {
                            n <= bound
                        };
                        if !ok {
                            out.push(format!("{n} breaks {key} {bound} at {at}"));
                        }
                    }
                }
                "pattern" => {
                    if let Value::String(s) = v
                        && !self.matches(arg.as_str().expect("pattern is a string"), s)
                    {
                        out.push(format!("{s:?} does not match {arg} at {at}"));
                    }
                }
                "format" => {
                    if let Value::String(s) = v
                        && !has_format(s, arg.as_str().expect("format is a string"))
                    {
                        out.push(format!("{s:?} is not a {arg} at {at}"));
                    }
                }
                "anyOf" | "oneOf" => {
                    let branches = arg.as_array().expect("anyOf/oneOf is an array");
                    let passing = branches
                        .iter()
                        .filter(|b| {
                            let mut errs = Vec::new();
                            self.check(b, v, at, &mut errs);
                            errs.is_empty()
                        })
                        .count();
                    let ok = if key == "anyOf" {
                        passing > 0
                    } else {
                        passing == 1
                    };
                    if !ok {
                        out.push(format!("{passing} branches of {key} hold at {at}"));
                    }
                }
                other => panic!("the validator does not know the keyword {other:?}"),
            }
        }
    }

    fn check_object_keyword(
        &self,
        schema: &serde_json::Map<String, Value>,
        key: &str,
        arg: &Value,
        obj: &serde_json::Map<String, Value>,
        at: &str,
        out: &mut Vec<String>,
    ) {
        let properties = schema.get("properties").and_then(Value::as_object);
        match key {
            "properties" => {
                for (name, sub) in properties.into_iter().flatten() {
                    if let Some(value) = obj.get(name) {
                        self.check(sub, value, &format!("{at}/{name}"), out);
                    }
                }
            }
            "additionalProperties" => {
                for (name, value) in obj {
                    if !properties.is_some_and(|p| p.contains_key(name)) {
                        self.check(arg, value, &format!("{at}/{name}"), out);
                    }
                }
            }
            _ => {
                for name in arg.as_array().expect("required is an array") {
                    let name = name.as_str().expect("required names are strings");
                    if !obj.contains_key(name) {
                        out.push(format!("{name:?} is required at {at}"));
                    }
                }
            }
        }
    }
}

fn has_type(v: &Value, t: &str) -> bool {
    match t {
        "object" => v.is_object(),
        "array" => v.is_array(),
        "string" => v.is_string(),
        "boolean" => v.is_boolean(),
        "null" => v.is_null(),
        "number" => v.is_number(),
        "integer" => v.is_i64() || v.is_u64() || v.as_f64().is_some_and(|f| f.fract() == 0.0),
        _ => panic!("unknown type {t:?}"),
    }
}

fn has_format(s: &str, format: &str) -> bool {
    match format {
        // An absolute URI starts with a scheme; a reference may be relative.
        "uri" => Regex::new(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$")
            .expect("uri pattern")
            .is_match(s),
        "uri-reference" => !s.chars().any(char::is_whitespace),
        "date-time" => {
            Regex::new(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")
                .expect("date-time pattern")
                .is_match(s)
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn schema() -> Schema {
        Schema::new(json!({
            "definitions": {
                "level": { "enum": ["note", "warning", "error"] },
                "result": {
                    "type": "object",
                    "properties": {
                        "level": { "$ref": "#/definitions/level" },
                        "rank": { "type": "number", "minimum": -1, "maximum": 100 },
                        "tags": { "type": "array", "items": { "type": "string" }, "uniqueItems": true },
                        "uri": { "type": "string", "format": "uri" }
                    },
                    "required": ["level"],
                    "additionalProperties": false
                }
            },
            "type": "object",
            "properties": {
                "results": { "type": "array", "minItems": 1, "items": { "$ref": "#/definitions/result" } },
                "version": { "oneOf": [{ "type": "string", "pattern": "^2\\." }, { "type": "null" }] }
            }
        }))
    }

    #[test]
    fn accepts_what_the_schema_allows() {
        let ok = json!({"results": [{"level": "note", "rank": 3.5, "tags": ["a", "b"],
                         "uri": "file:///x.txt"}], "version": "2.1.0"});
        assert_eq!(schema().errors(&ok), Vec::<String>::new());
    }

    #[test]
    fn rejects_each_kind_of_violation() {
        let cases = [
            json!({"results": []}),
            json!({"results": [{"level": "fatal"}]}),
            json!({"results": [{}]}),
            json!({"results": [{"level": "note", "rank": 101}]}),
            json!({"results": [{"level": "note", "tags": ["a", "a"]}]}),
            json!({"results": [{"level": "note", "extra": 1}]}),
            json!({"results": [{"level": "note", "uri": "not a uri"}]}),
            json!({"results": [{"level": "note"}], "version": "1.0"}),
            json!({"results": "none"}),
        ];
        for case in cases {
            assert!(!schema().is_valid(&case), "accepted {case}");
        }
    }
}
