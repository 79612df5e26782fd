//! The UI's command functions, generated from the signatures of the `#[tauri::command]`
//! functions in src/commands/: one typed TypeScript function per command in
//! ui/src/lib/backend/commands.gen.ts, and the check that lib.rs registers exactly those
//! commands. The generated file is committed; a test fails when it is stale. Regenerate it with
//! the types: `UPDATE_BINDINGS=1 cargo test -p groundwork-app bindings`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::PathBuf;

use syn::parse::Parser as _;
use syn::punctuated::Punctuated;
use syn::{FnArg, GenericArgument, Item, ItemFn, Pat, PathArguments, ReturnType, Token, Type};

/// Parameters Tauri fills in itself; the UI never passes them.
const INJECTED: [&str; 5] = ["State", "AppHandle", "Window", "WebviewWindow", "Webview"];

/// Rust types that serialise as a JSON string (as ts-rs writes them in types.gen.ts).
const STRINGS: [&str; 9] = [
    "String",
    "str",
    "char",
    "Uuid",
    "NaiveDate",
    "NaiveDateTime",
    "DateTime",
    "PathBuf",
    "Path",
];

/// Rust numbers; all fit a JS number here (types.gen.ts maps large integers to number too).
const NUMBERS: [&str; 14] = [
    "i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128", "usize", "f32",
    "f64",
];

/// Longer signatures are written one parameter a line.
const MAX_LINE: usize = 110;

fn src_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// A command as the UI calls it.
struct Command {
    /// The file in src/commands/ without `.rs`, as lib.rs names it: `commands::<module>::<name>`.
    module: String,
    /// The Rust function's name, which is also the command's name.
    name: String,
    docs: Vec<String>,
    /// The argument object's keys (as Tauri expects them) and their TypeScript types.
    params: Vec<(String, String)>,
    returns: String,
}

/// Turns Rust types into TypeScript, remembering which generated types it used and every type
/// it could not turn (reported all at once).
struct Mapper<'a> {
    exported: &'a BTreeSet<String>,
    used: BTreeSet<String>,
    problems: Vec<String>,
}

impl Mapper<'_> {
    fn ts(&mut self, ty: &Type, at: &str) -> String {
        match ty {
            Type::Reference(r) => self.ts(&r.elem, at),
            Type::Paren(p) => self.ts(&p.elem, at),
            Type::Group(g) => self.ts(&g.elem, at),
            Type::Slice(s) => array(&self.ts(&s.elem, at)),
            Type::Array(a) => array(&self.ts(&a.elem, at)),
            Type::Tuple(t) if t.elems.is_empty() => "null".to_owned(),
            Type::Path(p) if p.qself.is_none() => {
                let Some(last) = p.path.segments.last() else {
                    return self.unsupported(ty, at);
                };
                let name = last.ident.to_string();
                let args = type_args(&last.arguments);
                match (name.as_str(), args.as_slice()) {
                    (n, []) if STRINGS.contains(&n) => "string".to_owned(),
                    (n, []) if NUMBERS.contains(&n) => "number".to_owned(),
                    ("bool", []) => "boolean".to_owned(),
                    ("Option", [inner]) => format!("{} | null", self.ts(inner, at)),
                    ("Vec" | "VecDeque" | "BTreeSet" | "HashSet", [inner]) => {
                        array(&self.ts(inner, at))
                    }
                    ("BTreeMap" | "HashMap", [key, value]) => {
                        format!("Record<{}, {}>", self.ts(key, at), self.ts(value, at))
                    }
                    ("Box" | "Arc" | "Rc", [inner]) => self.ts(inner, at),
                    (_, args) if self.exported.contains(&name) => {
                        self.used.insert(name.clone());
                        if args.is_empty() {
                            name
                        } else {
                            let args: Vec<String> = args.iter().map(|a| self.ts(a, at)).collect();
                            format!("{name}<{}>", args.join(", "))
                        }
                    }
                    _ => {
                        self.problems.push(format!(
                            "{at}: the type `{name}` is not exported to types.gen.ts; add it to \
                             `roots` in src-tauri/src/bindings.rs (it needs `#[derive(TS)]`)"
                        ));
                        "never".to_owned()
                    }
                }
            }
            _ => self.unsupported(ty, at),
        }
    }

    fn unsupported(&mut self, ty: &Type, at: &str) -> String {
        let shown = quote_type(ty);
        self.problems.push(format!(
            "{at}: the type `{shown}` has no TypeScript form here; teach \
             src-tauri/src/bindings/commands.rs about it or use a named type"
        ));
        "never".to_owned()
    }
}

fn quote_type(ty: &Type) -> String {
    match ty {
        Type::Path(p) => p
            .path
            .segments
            .iter()
            .map(|s| s.ident.to_string())
            .collect::<Vec<_>>()
            .join("::"),
        Type::Tuple(_) => "(tuple)".to_owned(),
        Type::ImplTrait(_) => "impl Trait".to_owned(),
        Type::TraitObject(_) => "dyn Trait".to_owned(),
        _ => "(type)".to_owned(),
    }
}

fn array(element: &str) -> String {
    if element.contains(' ') {
        format!("({element})[]")
    } else {
        format!("{element}[]")
    }
}

fn type_args(arguments: &PathArguments) -> Vec<&Type> {
    match arguments {
        PathArguments::AngleBracketed(a) => a
            .args
            .iter()
            .filter_map(|arg| match arg {
                GenericArgument::Type(t) => Some(t),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

fn last_ident(ty: &Type) -> Option<String> {
    match ty {
        Type::Path(p) => p.path.segments.last().map(|s| s.ident.to_string()),
        Type::Reference(r) => last_ident(&r.elem),
        _ => None,
    }
}

/// `Some(rename_all)` when `item` is a `#[tauri::command]`: how Tauri names its argument keys.
fn command_attribute(item: &ItemFn, at: &str) -> Option<Case> {
    let attr = item.attrs.iter().find(|a| {
        let names: Vec<String> = a
            .path()
            .segments
            .iter()
            .map(|s| s.ident.to_string())
            .collect();
        names == ["tauri", "command"] || names == ["command"]
    })?;
    let mut case = Case::Camel;
    if matches!(attr.meta, syn::Meta::List(_)) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("rename_all") {
                let value: syn::LitStr = meta.value()?.parse()?;
                case = match value.value().as_str() {
                    "camelCase" => Case::Camel,
                    "snake_case" => Case::Snake,
                    other => return Err(meta.error(format!("rename_all = {other:?}"))),
                };
            } else if meta.input.peek(Token![=]) {
                // `root = ...`, like `async`: nothing the argument names depend on.
                meta.value()?.parse::<syn::Expr>()?;
            }
            Ok(())
        })
        .unwrap_or_else(|err| panic!("{at}: unexpected #[tauri::command] attribute: {err}"));
    }
    Some(case)
}

#[derive(Clone, Copy)]
enum Case {
    /// Tauri 2's default: the UI passes `kpiId` for a parameter `kpi_id`.
    Camel,
    Snake,
}

fn key(name: &str, case: Case) -> String {
    match case {
        Case::Snake => name.to_owned(),
        Case::Camel => camel(name),
    }
}

fn camel(snake: &str) -> String {
    let mut out = String::new();
    for (i, part) in snake.split('_').filter(|p| !p.is_empty()).enumerate() {
        if i == 0 {
            out.push_str(part);
        } else {
            let mut chars = part.chars();
            if let Some(first) = chars.next() {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
        }
    }
    out
}

fn docs(attrs: &[syn::Attribute]) -> Vec<String> {
    attrs
        .iter()
        .filter(|a| a.path().is_ident("doc"))
        .filter_map(|a| match &a.meta {
            syn::Meta::NameValue(nv) => match &nv.value {
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s),
                    ..
                }) => Some(s.value()),
                _ => None,
            },
            _ => None,
        })
        .map(|line| {
            let line = line.strip_prefix(' ').unwrap_or(&line).trim_end();
            // Never end the generated comment early.
            line.replace("*/", "*\\/")
        })
        .collect()
}

/// Every `#[tauri::command]` in src/commands/, files in name order, commands in source order.
fn commands(mapper: &mut Mapper) -> Vec<Command> {
    let dir = src_dir().join("commands");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{} cannot be read: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .collect();
    files.sort();
    let mut found = Vec::new();
    for file in files {
        let module = file
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("a UTF-8 file name")
            .to_owned();
        let source = std::fs::read_to_string(&file).expect("a readable command file");
        let parsed = syn::parse_file(&source)
            .unwrap_or_else(|e| panic!("{} does not parse: {e}", file.display()));
        for item in parsed.items {
            let Item::Fn(item) = item else { continue };
            let at = format!("commands/{module}.rs: {}", item.sig.ident);
            let Some(case) = command_attribute(&item, &at) else {
                continue;
            };
            found.push(command(module.clone(), &item, case, mapper, &at));
        }
    }
    found
}

fn command(module: String, item: &ItemFn, case: Case, mapper: &mut Mapper, at: &str) -> Command {
    let mut params = Vec::new();
    for input in &item.sig.inputs {
        let FnArg::Typed(param) = input else {
            mapper
                .problems
                .push(format!("{at}: a command takes no `self`"));
            continue;
        };
        if last_ident(&param.ty).is_some_and(|n| INJECTED.contains(&n.as_str())) {
            continue;
        }
        let Pat::Ident(ident) = param.pat.as_ref() else {
            mapper
                .problems
                .push(format!("{at}: each argument needs a plain name"));
            continue;
        };
        let name = ident.ident.to_string();
        let ts = mapper.ts(&param.ty, &format!("{at}({name})"));
        params.push((key(&name, case), ts));
    }
    let returns = match &item.sig.output {
        ReturnType::Default => "null".to_owned(),
        ReturnType::Type(_, ty) => {
            let ok = match ty.as_ref() {
                Type::Path(p) if last_ident(ty).as_deref() == Some("Result") => p
                    .path
                    .segments
                    .last()
                    .and_then(|s| type_args(&s.arguments).first().copied()),
                _ => None,
            };
            mapper.ts(ok.unwrap_or(ty), &format!("{at} (its result)"))
        }
    };
    Command {
        module,
        name: item.sig.ident.to_string(),
        docs: docs(&item.attrs),
        params,
        returns,
    }
}

/// The names types.gen.ts exports.
fn exported_types() -> BTreeSet<String> {
    super::tests::typescript()
        .lines()
        .filter_map(|line| {
            line.strip_prefix("export type ")
                .or_else(|| line.strip_prefix("export interface "))
        })
        .map(|rest| {
            rest.chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect()
        })
        .collect()
}

fn typescript(commands: &[Command], used: &BTreeSet<String>) -> String {
    let mut out = String::from(
        "// Generated from the Rust command signatures by\n// `UPDATE_BINDINGS=1 cargo test -p \
         groundwork-app bindings`. Do not edit.\n// One function per #[tauri::command] in \
         src-tauri/src/commands/; the UI imports them from ./index.\n\nimport { call } from \
         \"./call\";\n",
    );
    if !used.is_empty() {
        out.push_str("import type {\n");
        for name in used {
            let _ = writeln!(out, "  {name},");
        }
        out.push_str("} from \"./types.gen\";\n");
    }
    let mut module = "";
    for c in commands {
        if c.module != module {
            module = &c.module;
            let _ = write!(out, "\n// src-tauri/src/commands/{module}.rs\n");
        }
        out.push('\n');
        match c.docs.as_slice() {
            [] => {}
            [line] => {
                let _ = writeln!(out, "/** {line} */");
            }
            lines => {
                out.push_str("/**\n");
                for line in lines {
                    let _ = writeln!(out, " *{}{line}", if line.is_empty() { "" } else { " " });
                }
                out.push_str(" */\n");
            }
        }
        let params: Vec<String> = c.params.iter().map(|(k, t)| format!("{k}: {t}")).collect();
        let keys: Vec<&str> = c.params.iter().map(|(k, _)| k.as_str()).collect();
        let args = if keys.is_empty() {
            String::new()
        } else {
            format!(", {{ {} }}", keys.join(", "))
        };
        let name = camel(&c.name);
        let returns = &c.returns;
        let mut signature = format!("({})", params.join(", "));
        if format!("export function {name}{signature}: Promise<{returns}> {{").len() > MAX_LINE {
            signature = format!("(\n  {},\n)", params.join(",\n  "));
        }
        let _ = writeln!(
            out,
            "export function {name}{signature}: Promise<{returns}> {{\n  return \
             call<{returns}>(\"{}\"{args});\n}}",
            c.name,
        );
    }
    out
}

/// `(module, name)` of every command `tauri::generate_handler![...]` in lib.rs registers, in
/// its order (duplicates kept, so they can be reported).
fn registered() -> Vec<(String, String)> {
    let lib = src_dir().join("lib.rs");
    let source = std::fs::read_to_string(&lib).expect("src/lib.rs");
    let start = source
        .find("generate_handler![")
        .expect("lib.rs calls tauri::generate_handler![...]")
        + "generate_handler![".len();
    let end = start
        + source[start..]
            .find(']')
            .expect("generate_handler![...] is closed");
    let paths = Punctuated::<syn::Path, Token![,]>::parse_terminated
        .parse_str(&source[start..end])
        .unwrap_or_else(|e| panic!("generate_handler![...] does not parse: {e}"));
    paths
        .iter()
        .map(|path| {
            let names: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
            match names.as_slice() {
                [commands, module, name] if commands == "commands" => {
                    (module.clone(), name.clone())
                }
                _ => panic!(
                    "generate_handler! names `{}`; every command lives in \
                     src/commands/<module>.rs and is named commands::<module>::<name>",
                    names.join("::")
                ),
            }
        })
        .collect()
}

#[test]
fn command_functions_are_up_to_date() {
    let exported = exported_types();
    let mut mapper = Mapper {
        exported: &exported,
        used: BTreeSet::new(),
        problems: Vec::new(),
    };
    let commands = commands(&mut mapper);
    assert!(
        mapper.problems.is_empty(),
        "commands.gen.ts cannot be generated:\n{}",
        mapper.problems.join("\n")
    );
    let mut by_name: BTreeMap<&str, &str> = BTreeMap::new();
    for c in &commands {
        let before = by_name.insert(&c.name, &c.module);
        assert!(
            before.is_none(),
            "two commands are named `{}` (in {} and {}): Tauri knows a command by its name alone",
            c.name,
            before.unwrap_or_default(),
            c.module
        );
    }
    let roots = super::tests::root_names();
    let unnamed: Vec<&String> = roots.difference(&mapper.used).collect();
    assert!(
        unnamed.is_empty(),
        "`roots` in src-tauri/src/bindings.rs lists types no command takes or answers: {unnamed:?}; \
         remove them (a type inside another is found without being listed)"
    );
    super::assert_generated_file_is_current(
        "commands.gen.ts",
        &typescript(&commands, &mapper.used),
    );
}

#[test]
fn rust_types_become_typescript() {
    let exported: BTreeSet<String> = ["Guide".to_owned()].into();
    let mut mapper = Mapper {
        exported: &exported,
        used: BTreeSet::new(),
        problems: Vec::new(),
    };
    let cases = [
        ("&str", "string"),
        ("Option<uuid::Uuid>", "string | null"),
        ("Vec<Option<i64>>", "(number | null)[]"),
        ("&[bool]", "boolean[]"),
        ("BTreeMap<String, f64>", "Record<string, number>"),
        ("()", "null"),
        ("Vec<Guide>", "Guide[]"),
    ];
    for (rust, expected) in cases {
        let ty: Type = syn::parse_str(rust).expect("a Rust type");
        assert_eq!(mapper.ts(&ty, "test"), expected, "{rust}");
    }
    assert_eq!(
        mapper.used, exported,
        "the generated file imports the types it names"
    );
    assert!(mapper.problems.is_empty(), "{:?}", mapper.problems);

    let ty: Type = syn::parse_str("Defaults").expect("a Rust type");
    mapper.ts(&ty, "commands/crisis.rs: fill_statement(defaults)");
    assert_eq!(
        mapper.problems,
        [
            "commands/crisis.rs: fill_statement(defaults): the type `Defaults` is not exported to \
          types.gen.ts; add it to `roots` in src-tauri/src/bindings.rs (it needs \
          `#[derive(TS)]`)"
        ],
        "a type the UI does not know is refused by name"
    );
    assert_eq!(
        camel("keep_initiatives_unphased"),
        "keepInitiativesUnphased"
    );
}

#[test]
fn generate_handler_registers_every_command_once() {
    let exported = exported_types();
    let mut mapper = Mapper {
        exported: &exported,
        used: BTreeSet::new(),
        problems: Vec::new(),
    };
    let defined: BTreeSet<(String, String)> = commands(&mut mapper)
        .into_iter()
        .map(|c| (c.module, c.name))
        .collect();
    let listed = registered();
    let mut seen = BTreeSet::new();
    let mut problems = Vec::new();
    for entry in &listed {
        if !seen.insert(entry.clone()) {
            problems.push(format!(
                "commands::{}::{} is named twice in generate_handler!",
                entry.0, entry.1
            ));
        }
        if !defined.contains(entry) {
            problems.push(format!(
                "generate_handler! names commands::{}::{}, which is not a #[tauri::command] \
                 in src/commands/{}.rs",
                entry.0, entry.1, entry.0
            ));
        }
    }
    for entry in defined.difference(&seen) {
        problems.push(format!(
            "commands::{}::{} is a #[tauri::command] but generate_handler! in src/lib.rs does \
             not register it: the UI's call would fail with \"command not found\"",
            entry.0, entry.1
        ));
    }
    assert!(
        problems.is_empty(),
        "src/lib.rs's generate_handler! list and the commands differ:\n{}",
        problems.join("\n")
    );
}

#[test]
fn argument_keys_follow_the_commands_rename_all() {
    let exported = BTreeSet::new();
    let mut mapper = Mapper {
        exported: &exported,
        used: BTreeSet::new(),
        problems: Vec::new(),
    };
    let keys = |source: &str, mapper: &mut Mapper| {
        let item: ItemFn = syn::parse_str(source).expect("a function");
        let case = command_attribute(&item, "test").expect("a command");
        let c = command("test".to_owned(), &item, case, mapper, "test");
        c.params.into_iter().map(|(k, _)| k).collect::<Vec<_>>()
    };
    let plain = "#[tauri::command] async fn f(app: AppHandle, state: State<'_, AppState>, \
                 kpi_id: String) {}";
    assert_eq!(
        keys(plain, &mut mapper),
        ["kpiId"],
        "Tauri 2's default is camelCase"
    );
    let snake = "#[tauri::command(rename_all = \"snake_case\", async)] fn f(kpi_id: String) {}";
    assert_eq!(keys(snake, &mut mapper), ["kpi_id"]);
    assert!(mapper.problems.is_empty(), "{:?}", mapper.problems);
}
